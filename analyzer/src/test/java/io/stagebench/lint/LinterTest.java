package io.stagebench.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import io.stagebench.dockerfile.DockerIgnore;
import io.stagebench.lint.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {
  static List<String> ids(String text, Linter.Options o) throws Exception {
    return new Linter(Rules.all()).lint("Dockerfile", text.getBytes(StandardCharsets.UTF_8), o).findings().stream()
        .map(f -> f.ruleId() + "@" + f.line()).toList();
  }

  static List<String> ids(String text) throws Exception {
    return ids(text, Linter.Options.defaults());
  }

  @Test
  void emptyBinaryAndBrokenFilesAreParseFindingsWithTheirLine() throws Exception {
    assertThat(ids("")).containsExactly("DL1000@1");
    assertThat(new Linter(Rules.all()).lint("b", new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2}, Linter.Options.defaults())
        .findings()).singleElement().satisfies(f -> {
          assertThat(f.ruleId()).isEqualTo("DL1000");
          assertThat(f.message()).contains("binary");
        });
    assertThat(ids("FROM debian:12\nRUN true\nFROBNICATE x\n")).containsExactly("DL1000@3");
    assertThat(ids("FROM debian:12\nRUN <<EOF\necho\n")).singleElement().asString().startsWith("DL1000@");
  }

  @Test
  void pragmaOnTheLineBeforeIgnoresOnlyThatInstruction() throws Exception {
    String text = "FROM debian:12\nUSER app\n# hadolint ignore=DL3015,DL3014\nRUN apt-get install curl\n"
        + "RUN apt-get install curl\n";
    assertThat(ids(text)).filteredOn(s -> s.startsWith("DL3015") || s.startsWith("DL3014"))
        .containsExactly("DL3014@5", "DL3015@5");
    String sb = "FROM node:20-slim\nUSER node\nCOPY package*.json ./\n# why: reasons\n# stagebench ignore=SB003, SB004\nRUN npm install\n";
    assertThat(ids(sb)).noneMatch(s -> s.startsWith("SB003") || s.startsWith("SB004"));
    // a blank line breaks the block: the pragma no longer applies
    String far = "FROM node:20-slim\nUSER node\nCOPY package*.json ./\n# stagebench ignore=SB003\n\nRUN npm install\n";
    assertThat(ids(far)).contains("SB003@6");
  }

  @Test
  void globalPragmaAndOptionsIgnoreEverywhere() throws Exception {
    String text = "# hadolint global ignore=SB013\nFROM debian:12\nRUN apt-get install curl\n";
    assertThat(ids(text)).noneMatch(s -> s.startsWith("SB013")).anyMatch(s -> s.startsWith("DL3015"));
    Linter.Options o = new Linter.Options(Map.of(), Optional.empty(), Optional.empty(), Set.of("DL3015"));
    assertThat(ids(text, o)).noneMatch(s -> s.startsWith("DL3015")).anyMatch(s -> s.startsWith("DL3014"));
  }

  @Test
  void targetAndBuildArgsChangeWhatIsFinal() throws Exception {
    String text = "ARG BASE=golang:1.21\nFROM ${BASE} AS build\nRUN go build -o /a .\nFROM debian:12-slim\nUSER 1\nCOPY --from=build /a /a\n";
    assertThat(ids(text)).doesNotContain("SB001@2");
    Linter.Options t = new Linter.Options(Map.of(), Optional.of("build"), Optional.empty(), Set.of());
    assertThat(ids(text, t)).contains("SB001@2", "SB013@2", "SB007@4");
    Linter.Options latest = new Linter.Options(Map.of("BASE", "golang:latest"), Optional.empty(), Optional.empty(), Set.of());
    assertThat(ids(text, latest)).contains("DL3007@2");
    Linter.Options bad = new Linter.Options(Map.of(), Optional.of("nope"), Optional.empty(), Set.of());
    assertThatThrownBy(() -> ids(text, bad)).isInstanceOf(StagebenchException.class)
        .satisfies(e -> assertThat(((StagebenchException) e).category()).isEqualTo(StagebenchException.Category.USAGE));
  }

  @Test
  void contextWithoutDockerignoreOrLeakingHeavyDirsIsFlaggedAndMeasured(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("main.go"), "package main\n");
    Files.createDirectories(dir.resolve(".git/objects"));
    Files.write(dir.resolve(".git/objects/pack"), new byte[4096]);
    Files.createDirectories(dir.resolve("node_modules/x"));
    Files.write(dir.resolve("node_modules/x/index.js"), new byte[1000]);
    String text = "FROM debian:12\nUSER 1\nCOPY . .\n";
    Linter.Options o = new Linter.Options(Map.of(), Optional.empty(), Optional.of(dir), Set.of());
    Linter.Result r = new Linter(Rules.all()).lint("Dockerfile", text.getBytes(StandardCharsets.UTF_8), o);
    assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("SB012")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no .dockerignore").contains("3 files"));
    assertThat(r.context()).get().satisfies(c -> assertThat(c.bytes()).isEqualTo(13 + 4096 + 1000));

    Files.writeString(dir.resolve(".dockerignore"), "# vcs\n.git\n");
    r = new Linter(Rules.all()).lint("Dockerfile", text.getBytes(StandardCharsets.UTF_8), o);
    assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("SB012")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("node_modules/"));
    assertThat(r.context().orElseThrow().bytes()).isEqualTo(13 + 1000 + ".git\n".length() + "# vcs\n".length());

    Files.writeString(dir.resolve(".dockerignore"), ".git\n**/node_modules\n");
    r = new Linter(Rules.all()).lint("Dockerfile", text.getBytes(StandardCharsets.UTF_8), o);
    assertThat(r.findings()).noneMatch(f -> f.ruleId().equals("SB012"));
    // no --context: the rule does not run
    assertThat(ids(text)).noneMatch(s -> s.startsWith("SB012"));
  }

  @Test
  void theContextScanReadsDockerignoreAsTheBuildersDo() {
    DockerIgnore ig = DockerIgnore.parse("*.md\n!README.md\n**/target\n/build/\n");
    assertThat(ig.excluded("a.md")).isTrue();
    assertThat(ig.excluded("README.md")).isFalse();
    assertThat(ig.excluded("docs/a.md")).isFalse();
    assertThat(ig.excluded("x/y/target/z.class")).isTrue();
    assertThat(ig.excluded("target")).isTrue();
    assertThat(ig.excluded("build/out.bin")).isTrue();
    assertThat(ig.excluded("src/build.go")).isFalse();
  }

  @Test
  void aLinterNeedsTheParseErrorRuleAndFallsBackToItForTheOthers() throws Exception {
    assertThatThrownBy(() -> new Linter(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Linter.PARSE_ERROR_ID);
    Rule parseError = Rules.all().stream().filter(r -> r.id().equals(Linter.PARSE_ERROR_ID)).findFirst().orElseThrow();
    String twice = "FROM debian:12 AS a\nFROM debian:12 AS a\n";
    assertThat(new Linter(List.of(parseError)).lint("Dockerfile", twice.getBytes(StandardCharsets.UTF_8),
        Linter.Options.defaults()).findings()).extracting(Finding::ruleId).containsExactly(Linter.PARSE_ERROR_ID);
    assertThat(ids(twice)).containsExactly("DL3024@2");
  }

  @Test
  void theLintPackageDoesNotDependOnItsRules() throws Exception {
    Path dir = Path.of("src/main/java/io/stagebench/lint");
    assertThat(dir).isDirectory();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain("io.stagebench.lint.rules");
      }
    }
  }
}
