package io.stagebench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What stagebench reads of an engine's /version and /info, and the API version it then speaks. */
class EngineIdentityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void podmanNamesItselfInComponentsOrPlatform() throws Exception {
    assertThat(EngineKind.fromVersion(json(
        "{'Platform':{'Name':'linux/amd64/debian-unknown'},'Components':[{'Name':'Podman Engine','Version':'5.8.6'}],'ApiVersion':'1.41'}")))
        .isEqualTo(EngineKind.PODMAN);
    assertThat(EngineKind.fromVersion(json("{'Platform':{'Name':'Podman Engine'}}"))).isEqualTo(EngineKind.PODMAN);
    assertThat(EngineKind.fromVersion(json(
        "{'Platform':{'Name':'Docker Engine - Community'},'Components':[{'Name':'Engine'},{'Name':'containerd'}]}")))
        .isEqualTo(EngineKind.DOCKER);
    assertThat(EngineKind.fromVersion(json("{}"))).isEqualTo(EngineKind.DOCKER);
  }

  @Test
  void containerdStoreIsReadFromDriverStatus() throws Exception {
    assertThat(ImageStore.fromInfo(EngineKind.DOCKER, json(
        "{'Driver':'overlayfs','DriverStatus':[['driver-type','io.containerd.snapshotter.v1']]}")))
        .isEqualTo(ImageStore.CONTAINERD);
    assertThat(ImageStore.fromInfo(EngineKind.DOCKER, json(
        "{'Driver':'overlay2','DriverStatus':[['Backing Filesystem','extfs'],['Supports d_type','true']]}")))
        .isEqualTo(ImageStore.GRAPH_DRIVER);
    assertThat(ImageStore.fromInfo(EngineKind.PODMAN, json("{'Driver':'overlay'}"))).isEqualTo(ImageStore.CONTAINERS_STORAGE);
    assertThat(ImageStore.byId("containerd")).isEqualTo(ImageStore.CONTAINERD);
    assertThat(ImageStore.byId("nope")).isNull();
  }

  @Test
  void negotiationSpeaksTheNewestVersionBothKnowAndNeverBelowTheEnginesMinimum() {
    ApiVersion v141 = ApiVersion.parse("1.41");
    // Docker 20.10 and Podman: their own maximum
    assertThat(ApiVersion.negotiate(v141, ApiVersion.parse("1.12"))).isEqualTo(v141);
    // Docker 28 (1.51): docker-java's newest
    assertThat(ApiVersion.negotiate(ApiVersion.parse("1.51"), ApiVersion.parse("1.24"))).isEqualTo(ApiVersion.CLIENT_MAX);
    // Docker 29 refuses anything below 1.44
    assertThat(ApiVersion.negotiate(ApiVersion.parse("1.52"), ApiVersion.parse("1.44")))
        .isGreaterThanOrEqualTo(ApiVersion.parse("1.44"));
    // an engine whose minimum is past docker-java's range gets its minimum, not a refused version
    assertThat(ApiVersion.negotiate(ApiVersion.parse("1.60"), ApiVersion.parse("1.50"))).isEqualTo(ApiVersion.parse("1.50"));
    assertThat(ApiVersion.parse("v1.9")).isLessThan(ApiVersion.parse("1.10"));
    assertThatThrownBy(() -> ApiVersion.parse("latest")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publishedPortsAreReachedAtTheEnginesHost() {
    assertThat(endpoint("unix:///var/run/docker.sock").publishedHost()).isEqualTo("127.0.0.1");
    assertThat(endpoint("unix:///var/run/docker.sock").local()).isTrue();
    assertThat(endpoint("tcp://10.1.2.3:2376").publishedHost()).isEqualTo("10.1.2.3");
    assertThat(endpoint("tcp://build-box.example:2375").local()).isFalse();
    assertThat(endpoint("ssh://ci@build-box.example").publishedHost()).isEqualTo("build-box.example");
    assertThat(endpoint("ssh://ci@build-box.example:2222").publishedHost()).isEqualTo("build-box.example");
    assertThat(endpoint("tcp://[fd00::5]:2376").publishedHost()).isEqualTo("fd00::5");
    assertThat(endpoint("tcp://localhost:2375").local()).isTrue();
  }

  @Test
  void theClassicEndpointIsBuildahOnPodman() {
    assertThat(Builders.actual(EngineKind.PODMAN, BuilderKind.CLASSIC)).isEqualTo(BuilderKind.BUILDAH);
    assertThat(Builders.actual(EngineKind.DOCKER, BuilderKind.CLASSIC)).isEqualTo(BuilderKind.CLASSIC);
    assertThat(Builders.actual(EngineKind.DOCKER, BuilderKind.BUILDAH)).isEqualTo(BuilderKind.CLASSIC);
    assertThat(Builders.actual(EngineKind.PODMAN, BuilderKind.BUILDKIT)).isEqualTo(BuilderKind.BUILDKIT);
    assertThat(Builders.unavailable(EngineKind.PODMAN, BuilderKind.BUILDKIT)).contains("Podman has no BuildKit");
    assertThat(Builders.unavailable(EngineKind.DOCKER, BuilderKind.BUILDKIT)).isNull();
  }

  @Test
  void stepParserReadsDockerAndBuildahOutput() {
    for (List<String> log : List.of(
        List.of("Step 1/3 : FROM base", "Step 2/3 : COPY . /app", "---> Using cache", "Step 3/3 : RUN make"),
        List.of("STEP 1/3: FROM base AS build", "STEP 2/3: COPY . /app",
            "--> Using cache 5f1e2c3b4a59d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3", "STEP 3/3: RUN make"),
        // Buildah names the stage of a multi-stage build, and commits after the last step
        List.of("[1/2] STEP 1/1: FROM base AS build", "[2/2] STEP 1/3: FROM base", "[2/2] STEP 2/3: COPY . /app",
            "--> Using cache 2122ff4a6198faa096e2917f14b87268898af5ce6c7b6a6fff6bac726127b2bf", "--> 2122ff4a6198",
            "[2/2] STEP 3/3: RUN make", "[2/2] COMMIT docker.io/library/app:1"))) {
      ClassicBuilder.StepParser parser = new ClassicBuilder.StepParser();
      for (int i = 0; i < log.size(); i++) {
        parser.line(log.get(i), i * 1_000_000L);
      }
      parser.finish(10_000_000);
      assertThat(parser.steps()).as(log.get(0)).extracting(BuildStep::name).containsExactly("COPY . /app", "RUN make");
      assertThat(parser.steps()).extracting(BuildStep::status)
          .containsExactly(BuildStep.Status.CACHED, BuildStep.Status.EXECUTED);
    }
  }

  @Test
  void aShortNameIsPresentOnlyWhenTheImageCarriesIt() {
    // Podman finds localhost/stagebench/python:3.11-bookworm for python:3.11-bookworm
    assertThat(ImageRefs.carries("python:3.11-bookworm", List.of("localhost/stagebench/python:3.11-bookworm"))).isFalse();
    assertThat(ImageRefs.carries("stagebench/python:3.11-bookworm", List.of("localhost/stagebench/python:3.11-bookworm"))).isTrue();
    assertThat(ImageRefs.carries("debian:bookworm-slim", List.of("docker.io/library/debian:bookworm-slim"))).isTrue();
    assertThat(ImageRefs.carries("debian", List.of("debian:latest"))).isTrue();
    assertThat(ImageRefs.carries("gcr.io/distroless/static-debian12:nonroot", List.of("gcr.io/distroless/static-debian12:nonroot"))).isTrue();
    assertThat(ImageRefs.carries("localhost:5000/app:1", List.of("localhost:5000/app:1"))).isTrue();
    assertThat(ImageRefs.carries("sha256:0123456789abcdef0123", List.of("x:y"))).isTrue();
    assertThat(ImageRefs.carries("app@sha256:" + "a".repeat(64), List.of("x:y"))).isTrue();
  }

  private static EngineEndpoint endpoint(String host) {
    return new EngineEndpoint(host, false, Optional.empty(), "test");
  }
}
