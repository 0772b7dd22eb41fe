package io.stagebench.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.dockerfile.DockerfileParser;
import io.stagebench.dockerfile.StageGraph;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayerAttributionTest {
  static final String DF = String.join("\n",
      "ARG GO_IMAGE=golang:1.19",
      "FROM ${GO_IMAGE} AS build",          // 2
      "WORKDIR /src",                       // 3
      "COPY go.mod ./",                     // 4
      "RUN go mod download",                // 5
      "COPY . .",                           // 6
      "RUN go build -o /out/app",           // 7
      "FROM debian:bookworm-slim AS runtime", // 8
      "ARG VERSION=1",                      // 9
      "RUN apt-get update && apt-get install -y ca-certificates", // 10
      "COPY --from=build /out/app /usr/local/bin/app", // 11
      "COPY --from=0 /src/config.yml /etc/app.yml", // 12
      "USER 10001",                         // 13
      "ENTRYPOINT [\"app\"]",               // 14
      "");

  private static StageGraph graph(String df) throws Exception {
    return StageGraph.resolve(DockerfileParser.parse(df), Map.of(), Optional.empty());
  }

  @Test
  void buildKitHistoryIsTiedToLinesAndCopyFromToItsStage() throws Exception {
    List<Optional<LayerAttribution.Origin>> o = LayerAttribution.attribute(graph(DF), List.of(
        "RUN |1 VERSION=1 /bin/sh -c apt-get update && apt-get install -y ca-certificates # buildkit",
        "COPY /out/app /usr/local/bin/app # buildkit",
        "COPY /src/config.yml /etc/app.yml # buildkit",
        "USER 10001",
        "ENTRYPOINT [\"app\"]"));
    assertThat(o).allMatch(Optional::isPresent);
    assertThat(o.stream().map(x -> x.get().origin() + "@" + x.get().line()).toList())
        .containsExactly("final@10", "stage:build@11", "stage:build@12", "final@13", "final@14");
  }

  @Test
  void classicHistoryWithArgEntriesAndBuildArgPrefixes() throws Exception {
    List<Optional<LayerAttribution.Origin>> o = LayerAttribution.attribute(graph(DF), List.of(
        "/bin/sh -c #(nop)  ARG VERSION=1",
        "|1 VERSION=1 /bin/sh -c apt-get update && apt-get install -y ca-certificates",
        "/bin/sh -c #(nop) COPY file:0a1b2c in /usr/local/bin/app ",
        "/bin/sh -c #(nop) COPY file:3d4e5f in /etc/app.yml ",
        "/bin/sh -c #(nop)  USER 10001",
        "/bin/sh -c #(nop)  ENTRYPOINT [\"app\"]"));
    assertThat(o.stream().map(x -> x.map(y -> y.keyword() + ":" + y.origin() + "@" + y.line()).orElse("-")).toList())
        .containsExactly("ARG:final@9", "RUN:final@10", "COPY:stage:build@11", "COPY:stage:build@12",
            "USER:final@13", "ENTRYPOINT:final@14");
  }

  @Test
  void aTargetBuiltFromAnotherStageInheritsThatStagesEntries() throws Exception {
    String df = "FROM debian AS base\nRUN echo a > /a\nFROM base AS app\nCOPY x /x\n";
    List<Optional<LayerAttribution.Origin>> o = LayerAttribution.attribute(graph(df), List.of(
        "RUN /bin/sh -c echo a > /a # buildkit", "COPY x /x # buildkit"));
    assertThat(o.stream().map(x -> x.get().origin()).toList()).containsExactly("stage:base", "final");
  }

  @Test
  void anEntryThatMatchesNothingStaysUnattributedAndDoesNotShiftTheRest() throws Exception {
    String df = "FROM debian\nCOPY a /a\nRUN true\n";
    List<Optional<LayerAttribution.Origin>> o = LayerAttribution.attribute(graph(df), List.of(
        "LABEL something=else", "COPY a /a # buildkit", "RUN /bin/sh -c true # buildkit"));
    assertThat(o.get(0)).isEmpty();
    assertThat(o.get(1).get().line()).isEqualTo(2);
    assertThat(o.get(2).get().line()).isEqualTo(3);
  }

  @Test
  void keywordsFromBothBuilders() {
    assertThat(LayerAttribution.keyword("|2 A=1 B=2 /bin/sh -c make")).isEqualTo("RUN");
    assertThat(LayerAttribution.keyword("/bin/sh -c #(nop) WORKDIR /app")).isEqualTo("WORKDIR");
    assertThat(LayerAttribution.keyword("WORKDIR /app")).isEqualTo("WORKDIR");
    assertThat(LayerAttribution.keyword("RUN /bin/sh -c make # buildkit")).isEqualTo("RUN");
    assertThat(LayerAttribution.keyword("npm ci")).isEqualTo("RUN");
  }

  @Test
  void fromTheEndTheBaseImagesLayersStayUnattributed() throws Exception {
    // The layers of a classic build of DF's runtime stage, base layers first (debian's import and CMD-less ADD).
    List<Optional<LayerAttribution.Origin>> o = LayerAttribution.attributeFromEnd(graph(DF), List.of(
        "/bin/sh -c #(nop) ADD file:9a8b in / ",
        "|1 VERSION=1 /bin/sh -c apt-get update && apt-get install -y ca-certificates",
        "/bin/sh -c #(nop) COPY file:0a1b2c in /usr/local/bin/app ",
        "/bin/sh -c #(nop) COPY file:3d4e5f in /etc/app.yml "));
    assertThat(o.get(0)).isEmpty();
    assertThat(o.subList(1, 4).stream().map(x -> x.get().origin() + "@" + x.get().line()).toList())
        .containsExactly("final@10", "stage:build@11", "stage:build@12");
  }
}
