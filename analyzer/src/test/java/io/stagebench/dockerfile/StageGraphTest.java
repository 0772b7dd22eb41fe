package io.stagebench.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageGraphTest {
  private static final String MULTI =
      "ARG GO=golang:1.22\n"
          + "ARG RUNTIME=debian:bookworm-slim\n"
          + "FROM ${GO} AS build\n"
          + "ARG GO\n"
          + "ENV OUT=/out\n"
          + "RUN --mount=type=cache,target=/root/.cache go build -o $OUT/app\n"
          + "FROM build AS test\n"
          + "RUN go test ./...\n"
          + "FROM alpine AS unused\n"
          + "FROM $RUNTIME\n"
          + "ARG NAME=app\n"
          + "COPY --from=build /out/${NAME} /usr/local/bin/${NAME}\n"
          + "RUN --mount=from=0,source=/x,target=/y true\n";

  @Test
  void resolvesBasesEdgesAndReachability() throws Exception {
    Dockerfile df = DockerfileParser.parse(MULTI);
    StageGraph g = StageGraph.resolve(df);
    assertThat(g.stages()).extracting(ResolvedStage::base)
        .containsExactly("golang:1.22", "build", "alpine", "debian:bookworm-slim");
    assertThat(g.stages().get(1).baseStage()).contains(0);
    assertThat(g.stages().get(1).env()).containsEntry("OUT", "/out");
    assertThat(g.target()).isEqualTo(3);
    assertThat(g.reachable()).containsExactly(0, 3);
    assertThat(g.deadStages()).extracting(ResolvedStage::index).containsExactly(1, 2);
    assertThat(g.builtNeedlesslyByClassicBuilder()).extracting(ResolvedStage::index).containsExactly(1, 2);
    assertThat(g.edgesFrom(3))
        .extracting(Edge::kind, Edge::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Edge.Kind.FROM, Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(Edge.Kind.COPY_FROM, Optional.of(0)),
            org.assertj.core.groups.Tuple.tuple(Edge.Kind.MOUNT_FROM, Optional.of(0)));
    assertThat(g.edgesFrom(3).get(2).byIndex()).isTrue();
    ResolvedInstruction copy = g.stages().get(3).instructions().get(1);
    assertThat(copy.arguments()).containsExactly("/out/app", "/usr/local/bin/app");
    ResolvedInstruction goArg = g.stages().get(0).instructions().get(0);
    assertThat(g.stages().get(0).instructions().get(2).variables()).containsEntry("GO", "golang:1.22");
    assertThat(goArg.instruction().keyword()).isEqualTo("ARG");
  }

  @Test
  void buildArgsOverrideAndTargetSelects() throws Exception {
    Dockerfile df = DockerfileParser.parse(MULTI);
    StageGraph g =
        StageGraph.resolve(df, Map.of("GO", "golang:1.23", "NAME", "srv"), Optional.of("TEST"));
    assertThat(g.stages().get(0).base()).isEqualTo("golang:1.23");
    assertThat(g.target()).isEqualTo(1);
    assertThat(g.reachable()).containsExactly(0, 1);
    assertThat(g.stages().get(3).instructions().get(1).arguments()).containsExactly("/out/srv", "/usr/local/bin/srv");
  }

  @Test
  void globalArgIsInvisibleInAStageUntilRedeclared() throws Exception {
    Dockerfile df = DockerfileParser.parse("ARG V=1\nFROM a\nLABEL x=$V\nARG V\nLABEL y=$V\n");
    StageGraph g = StageGraph.resolve(df);
    assertThat(g.stages().get(0).instructions().get(0).arguments()).containsExactly("x", "");
    assertThat(g.stages().get(0).instructions().get(2).arguments()).containsExactly("y", "1");
  }

  @Test
  void automaticPlatformArgs() throws Exception {
    Dockerfile df = DockerfileParser.parse("FROM --platform=$BUILDPLATFORM a\nARG TARGETARCH\nENV A=$TARGETARCH\n");
    StageGraph g = StageGraph.resolve(df, Map.of("TARGETPLATFORM", "linux/arm64"), Optional.empty());
    assertThat(g.stages().get(0).platform()).contains("linux/amd64");
    assertThat(g.stages().get(0).env()).containsEntry("A", "arm64");
  }

  @Test
  void unknownTargetAndSelfReferenceAreErrors() throws Exception {
    Dockerfile df = DockerfileParser.parse(MULTI);
    assertThatThrownBy(() -> StageGraph.resolve(df, Map.of(), Optional.of("nope")))
        .isInstanceOf(StageGraphException.class)
        .hasMessageContaining("target stage \"nope\" could not be found")
        .hasMessageContaining("build, test, unused");
    Dockerfile self = DockerfileParser.parse("FROM a AS x\nCOPY --from=x / /\n");
    assertThatThrownBy(() -> StageGraph.resolve(self))
        .isInstanceOf(StageGraphException.class)
        .hasMessageContaining("circular");
    Dockerfile required = DockerfileParser.parse("ARG V\nFROM ${V:?setV}\n");
    assertThatThrownBy(() -> StageGraph.resolve(required))
        .isInstanceOf(StageGraphException.class)
        .hasMessageContaining("setV");
  }

  @Test
  void copyFromAnImageIsAnExternalEdge() throws Exception {
    Dockerfile df = DockerfileParser.parse("FROM a\nCOPY --from=nginx:latest /etc/nginx /etc/nginx\n");
    StageGraph g = StageGraph.resolve(df);
    assertThat(g.edgesFrom(0).get(1).target()).isEmpty();
    assertThat(g.edgesFrom(0).get(1).reference()).isEqualTo("nginx:latest");
  }

  @Test
  void envPairsSeeTheValuesFromBeforeTheInstruction() throws Exception {
    Dockerfile df = DockerfileParser.parse("FROM a\nENV a=0\nENV a=1 b=$a\nENV P=$PATH:/x\n");
    StageGraph g = StageGraph.resolve(df);
    assertThat(g.stages().get(0).env()).containsEntry("a", "1").containsEntry("b", "0");
    assertThat(g.stages().get(0).env().get("P")).startsWith("/usr/local/sbin:").endsWith(":/x");
  }

  @Test
  void childStagesInheritArgsAndEnv() throws Exception {
    Dockerfile df =
        DockerfileParser.parse("FROM a AS base\nARG V=1\nENV E=2\nFROM base\nLABEL v=$V e=$E\n");
    StageGraph g = StageGraph.resolve(df);
    assertThat(g.stages().get(1).instructions().get(0).arguments()).containsExactly("v", "1", "e", "2");
  }

  @Test
  void fromRefusesVariablesAndBlankBases() throws Exception {
    Dockerfile copy = DockerfileParser.parse("ARG S=a\nFROM a AS x\nFROM b\nCOPY --from=$S / /\n");
    assertThatThrownBy(() -> StageGraph.resolve(copy))
        .isInstanceOf(StageGraphException.class)
        .hasMessageContaining("variable expansion is not supported for --from");
    Dockerfile blank = DockerfileParser.parse("ARG B\nFROM $B\n");
    assertThatThrownBy(() -> StageGraph.resolve(blank))
        .isInstanceOf(StageGraphException.class)
        .hasMessageContaining("base name ($B) should not be blank");
  }

  @Test
  void targetStageIsAnAutomaticArg() throws Exception {
    Dockerfile df = DockerfileParser.parse("FROM a AS one\nARG TARGETSTAGE\nENV T=$TARGETSTAGE\nFROM b AS two\n");
    StageGraph g = StageGraph.resolve(df, Map.of(), Optional.of("one"));
    assertThat(g.stages().get(0).env()).containsEntry("T", "one");
  }
}
