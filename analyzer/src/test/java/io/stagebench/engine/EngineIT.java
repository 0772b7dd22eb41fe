package io.stagebench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real engine: scripts/test starts it and builds the bases first. */
class EngineIT {
  static final String BASE = "stagebench/debian:bookworm-minbase";
  static Engine engine;
  static final String RUN = "it-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void connect() throws Exception {
    engine = Engine.connect();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    EngineCleaner cleaner = new EngineCleaner(engine);
    EngineCleaner.Outcome o = cleaner.remove(RUN::equals);
    assertThat(o.failures()).isEmpty();
    assertThat(cleaner.runs()).as("nothing of the run is left").doesNotContainKey(RUN);
    engine.close();
  }

  @Test
  void pingsAndReportsVersionsStorageAndBuildKit() throws Exception {
    engine.ping();
    EngineInfo info = engine.info();
    assertThat(info.version()).matches("\\d+\\.\\d+.*");
    assertThat(info.apiVersion()).matches("1\\.\\d+");
    assertThat(info.storageDriver()).isNotBlank();
    assertThat(info.dataRoot()).startsWith("/");
    assertThat(info.cpus()).isPositive();
    // Podman's POST /build?version=2 is a Buildah build: no BuildKit there, and it says so
    assertThat(info.buildKit()).as(info.buildKitDetail()).isEqualTo(info.kind() == EngineKind.DOCKER);
    assertThat(info.classicBuilder()).isEqualTo(info.kind() == EngineKind.PODMAN ? BuilderKind.BUILDAH : BuilderKind.CLASSIC);
    if (info.endpoint().host().startsWith("unix://")) {
      assertThat(info.freeDiskBytes()).isPresent();
    }
  }

  @Test
  void buildsATwoStageDockerfileWithABuildArgAndATarget(@TempDir Path ctx) throws Exception {
    Files.writeString(ctx.resolve("Dockerfile"), String.join("\n",
        "ARG BASE=" + BASE,
        "FROM ${BASE} AS builder",
        "ARG GREETING=unset",
        "RUN echo \"$GREETING\" > /greeting",
        "FROM ${BASE} AS final",
        "COPY --from=builder /greeting /greeting",
        "LABEL stage=final",
        "FROM final AS extra",
        "LABEL stage=extra",
        ""));
    Map<String, String> labels = Map.of(Labels.RUN, RUN);
    String tag = "stagebench-it/two-stage:" + RUN;
    BuildResult r = new ClassicBuilder(engine).build(new BuildRequest(
        ctx, "Dockerfile", Optional.of("final"), Map.of("GREETING", "hello " + RUN), labels, Set.of(tag), true));
    // Steps are filesystem instructions: the builder stage's RUN and the final stage's COPY --from.
    assertThat(r.steps()).extracting(BuildStep::name).containsExactly(
        "RUN echo \"$GREETING\" > /greeting", "COPY --from=builder /greeting /greeting");
    assertThat(r.stepsCached()).isZero();
    assertThat(r.stepsExecuted()).isEqualTo(2);
    ImageInfo img = engine.images().inspect(tag).orElseThrow();
    assertThat(img.id()).contains(r.imageId().replace("sha256:", ""));
    // Podman names it docker.io/stagebench-it/...: the same reference once normalised
    assertThat(ImageRefs.carries(tag, img.repoTags())).as(img.repoTags().toString()).isTrue();
    assertThat(img.labels()).containsEntry("stage", "final").containsEntry(Labels.RUN, RUN);

    // The build arg reached the builder stage: read the file back from a container of the image.
    String id = engine.client().createContainerCmd(tag).withCmd("cat", "/greeting")
        .withLabels(labels).exec().getId();
    try (var in = engine.client().copyArchiveFromContainerCmd(id, "/greeting").exec();
        var tar = new TarArchiveInputStream(in)) {
      tar.getNextEntry();
      assertThat(new String(tar.readAllBytes()).trim()).isEqualTo("hello " + RUN);
    } finally {
      engine.client().removeContainerCmd(id).withForce(true).exec();
    }

    // Built again, every step is a cache hit.
    BuildResult again = new ClassicBuilder(engine).build(new BuildRequest(
        ctx, "Dockerfile", Optional.of("final"), Map.of("GREETING", "hello " + RUN), labels, Set.of(tag), false));
    assertThat(again.stepsTotal()).isEqualTo(2);
    assertThat(again.stepsCached()).isEqualTo(2);
    assertThat(again.stepsExecuted()).isZero();
    assertThat(String.join("\n", again.logTail())).doesNotContain("Running in");
    assertThat(again.imageId()).isEqualTo(r.imageId());

    assertThat(engine.images().remove(tag, true, true)).isTrue();
    assertThat(engine.images().inspect(tag)).isEmpty();
    assertThat(engine.images().remove(tag, true, true)).as("already gone").isFalse();
  }

  @Test
  void importsARootfsTarWithChanges() throws Exception {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    byte[] content = "imported\n".getBytes(StandardCharsets.UTF_8);
    byte[] header = new byte[512];
    byte[] name = "hello.txt".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, header, 0, name.length);
    putOctal(header, 100, 8, 0644);
    putOctal(header, 108, 8, 0);
    putOctal(header, 116, 8, 0);
    putOctal(header, 124, 12, content.length);
    putOctal(header, 136, 12, 0);
    header[156] = '0';
    System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
    Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    putOctal(header, 148, 7, sum);
    tar.write(header);
    tar.write(content);
    tar.write(new byte[512 - content.length + 1024]);
    String tag = RUN.toLowerCase();
    assertThat(engine.images().importTar(new ByteArrayInputStream(tar.toByteArray()), "stagebench-it/import:" + tag,
        List.of("LABEL " + Labels.RUN + "=" + RUN, "CMD [\"/hello.txt\"]"))).isEmpty();
    ImageInfo img = engine.images().inspect("stagebench-it/import:" + tag).orElseThrow();
    assertThat(img.labels()).containsEntry(Labels.RUN, RUN);
    assertThat(img.cmd()).containsExactly("/hello.txt");
    assertThat(engine.images().remove("stagebench-it/import:" + tag, true, true)).isTrue();
    assertThatThrownBy(() -> engine.images().importTar(new ByteArrayInputStream(new byte[] {1, 2, 3}),
        "stagebench-it/import:" + tag, List.of())).as("not a tar: the engine refuses it (each in its own words)").isInstanceOf(EngineException.class)
        .hasMessageContaining("/images/create");
  }

  private static void putOctal(byte[] header, int at, int len, long value) {
    byte[] digits = String.format("%0" + (len - 1) + "o", value).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(digits, 0, header, at, digits.length);
  }

  @Test
  void readsHistoryAndExportsAnImage() throws Exception {
    ImageInfo base = engine.images().inspect(BASE).orElseThrow();
    assertThat(base.sizeBytes()).isPositive();
    assertThat(base.layerCount()).isPositive();
    List<HistoryEntry> h = engine.images().history(BASE);
    assertThat(h).isNotEmpty();
    assertThat(h).anyMatch(e -> e.sizeBytes() > 0);
    try (var in = engine.images().save(BASE);
        var tar = new TarArchiveInputStream(in)) {
      assertThat(tar.getNextEntry()).isNotNull();
    }
    String missing = "stagebench-it/missing:" + RUN;
    assertThat(engine.images().inspect(missing)).isEmpty();
    assertThatThrownBy(() -> engine.images().history(missing)).isInstanceOf(RequestRefusedException.class)
        .hasMessageStartingWith("cannot read the history of " + missing + ": ").hasMessageNotContaining("\n");
    assertThatThrownBy(() -> engine.images().save(missing).close()).isInstanceOf(EngineException.class);
  }

  @Test
  void runsAContainerAndReadsItsExitAndOutput() throws Exception {
    Containers containers = engine.containers();
    String id = containers.create(new ContainerSpec(BASE, List.of("sh", "-c", "echo to-out; echo to-err >&2; exit 3"),
        Map.of(Labels.RUN, RUN), List.of("ALL"), List.of(), List.of("no-new-privileges"), 256L << 20, 64, true,
        Optional.empty()));
    try {
      containers.start(id);
      assertThat(containers.await(id, Duration.ofSeconds(30))).hasValue(3);
      ContainerInfo c = containers.inspect(id).orElseThrow();
      assertThat(c.running()).isFalse();
      assertThat(c.exitCode()).isEqualTo(3);
      assertThat(containers.logs(id, Duration.ofSeconds(10))).contains("to-out", "to-err");
    } finally {
      assertThat(containers.remove(id)).isTrue();
    }
    assertThat(containers.inspect(id)).isEmpty();
    assertThat(containers.remove(id)).isFalse();
    assertThatThrownBy(() -> containers.start(id)).isInstanceOf(RequestRefusedException.class);
  }

  @Test
  void aContainerThatRunsOnIsWaitedForOnlyUntilTheTimeout() throws Exception {
    Containers containers = engine.containers();
    String id = containers.create(new ContainerSpec(BASE, List.of("sleep", "60"), Map.of(Labels.RUN, RUN), List.of(),
        List.of(), List.of(), 0, 0, false, Optional.of(new ContainerSpec.Publish(8080, "127.0.0.1"))));
    try {
      containers.start(id);
      long t0 = System.nanoTime();
      assertThat(containers.await(id, Duration.ofSeconds(2))).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
      ContainerInfo c = containers.inspect(id).orElseThrow();
      assertThat(c.running()).isTrue();
      assertThat(c.publishedPort(8080)).isPresent();
      assertThat(c.publishedPort(9)).isEmpty();
    } finally {
      containers.remove(id);
    }
  }

  @Test
  void aFailingBuildCarriesItsLogTail(@TempDir Path ctx) throws Exception {
    Files.writeString(ctx.resolve("Dockerfile"), "FROM " + BASE + "\nRUN echo about-to-fail && exit 7\n");
    assertThatThrownBy(() -> new ClassicBuilder(engine).build(new BuildRequest(
            ctx, "Dockerfile", Optional.empty(), Map.of(), Map.of(Labels.RUN, RUN), Set.of(), true)))
        .isInstanceOfSatisfying(BuildFailedException.class, e -> {
          assertThat(e.getMessage()).contains("failed").doesNotContain("\n");
          assertThat(String.join("\n", e.logTail())).contains("about-to-fail");
        });
  }

  @Test
  void nobodyListeningIsAClearEnvironmentError(@TempDir Path dir) {
    EngineEndpoint nowhere = new EngineEndpoint("unix://" + dir.resolve("none.sock"), false, Optional.empty(), "test");
    assertThatThrownBy(() -> Engine.connect(nowhere))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("no Docker engine answers at unix://")
        .hasMessageContaining("scripts/docker-engine")
        .hasMessageNotContaining("\n");
  }
}
