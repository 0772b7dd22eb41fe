package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  private static final String MULTI =
      "ARG BASE=debian:bookworm-slim\n"
          + "FROM golang:1.22 AS build\n"
          + "RUN go build -o /app\n"
          + "FROM alpine AS unused\n"
          + "FROM ${BASE}\n"
          + "COPY --from=build /app /app\n";

  @TempDir Path dir;

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private Path write(String text) throws Exception {
    Path f = dir.resolve("Dockerfile");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void treeShowsStagesAndUnusedOnes() throws Exception {
    Cli.Run r = run("parse", write(MULTI).toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("stage 0 \"build\"", "[target]", "unused: unused");
  }

  @Test
  void jsonCarriesTheGraph() throws Exception {
    Cli.Run r = run("parse", "--json", "--build-arg", "BASE=ubuntu", write(MULTI).toString());
    assertThat(r.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.at("/stages/2/base").asText()).isEqualTo("ubuntu");
    assertThat(root.at("/graph/target").asInt()).isEqualTo(2);
    assertThat(root.at("/graph/dead/0").asInt()).isEqualTo(1);
    assertThat(root.at("/graph/edges/3/kind").asText()).isEqualTo("COPY_FROM");
  }

  @Test
  void buildkitDump() throws Exception {
    Cli.Run r = run("parse", "--format", "buildkit", write("FROM a\nCOPY --from=x a b\n").toString());
    assertThat(r.out()).isEqualTo("(from \"a\")\n(copy [\"--from=x\"] \"a\" \"b\")\n");
  }

  @Test
  void exitCodes() throws Exception {
    assertThat(run("parse", dir.resolve("missing").toString()).code()).isEqualTo(ExitCodes.ENVIRONMENT);
    Cli.Run bad = run("parse", write("FROM a\nFOO b\n").toString());
    assertThat(bad.code()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(bad.err().strip()).endsWith("Dockerfile:2:1: unknown instruction: FOO").doesNotContain("\n");
    assertThat(run("parse", "--target", "nope", write(MULTI).toString()).code()).isEqualTo(ExitCodes.USAGE);
  }
}
