package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagebench.lint.LintFormats;
import io.stagebench.lint.rules.Rules;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  /** Fails SB001 (warning), DL3015 (info), SB013 (warning) and DL3020 (error). */
  static final String BAD = "FROM golang:1.21\nRUN apt-get install -y gcc\nADD main.go /src/\nRUN go build -o /app /src\n";
  static final String CLEAN = "FROM debian:12-slim\nUSER 1000\nCMD [\"true\"]\n";

  @TempDir Path dir;

  Cli.Run runIn(String stdin, String... args) {
    return Cli.run(cl -> {
      LintCommand lint = cl.getSubcommands().get("lint").getCommand();
      lint.workingDir = dir;
      if (stdin != null) {
        lint.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }, args);
  }

  Cli.Run run(String... args) {
    return runIn(null, args);
  }

  Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void textFormatAndExitCodesFollowTheThreshold() throws Exception {
    String bad = write("Dockerfile.bad", BAD).toString();
    String clean = write("Dockerfile.ok", CLEAN).toString();
    Cli.Run r = run("lint", bad, clean);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains(bad + ":1 SB001 warning: the final stage runs on the toolchain image golang:1.21")
        .contains(bad + ":3 DL3020 error: ").contains(bad + ":2 DL3015 info: ").doesNotContain(clean);
    assertThat(run("lint", clean).code()).isZero();
    assertThat(run("lint", "--failure-threshold", "none", bad).code()).isZero();
    assertThat(run("lint", "--failure-threshold", "error", "--ignore", "DL3020", bad).code()).isZero();
    assertThat(run("lint", "--failure-threshold", "error", bad).code()).isEqualTo(1);
    // info findings fail only at threshold info
    String infoOnly = write("Dockerfile.info", "FROM debian:12-slim\nUSER 1\nRUN a\nRUN b\n").toString();
    assertThat(run("lint", infoOnly).code()).isZero();
    assertThat(run("lint", "--failure-threshold", "info", infoOnly).code()).isEqualTo(1);
  }

  @Test
  void usageErrorsExit2InOneLine() throws Exception {
    String bad = write("Dockerfile", BAD).toString();
    Cli.Run r = run("lint", "--failure-threshold", "loud", bad);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().trim()).doesNotContain("\n\tat ").contains("loud");
    assertThat(run("lint", "--ignore", "DL9999", bad).code()).isEqualTo(2);
    assertThat(run("lint", "--target", "nope", bad).code()).isEqualTo(2);
    assertThat(run("lint").code()).isEqualTo(2);
    assertThat(run("lint", "--explain", "XX1").code()).isEqualTo(2);
    assertThat(run("lint", dir.resolve("missing").toString()).code()).isEqualTo(3);
  }

  @Test
  void emptyAndBinaryFilesAreParseFindingsNotCrashes() throws Exception {
    String empty = write("Dockerfile.empty", "").toString();
    Path bin = dir.resolve("Dockerfile.bin");
    Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
    Cli.Run r = run("lint", empty, bin.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains(empty + ":1:1 DL1000 error: ").contains(bin + ":1:1 DL1000 error: not a Dockerfile");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void stdinIsLintedAsDash() {
    Cli.Run r = runIn(BAD, "lint", "-");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("-:1 SB001 warning:");
  }

  @Test
  void configFilesFromTheWorkingDirectoryOrGiven() throws Exception {
    String bad = write("Dockerfile", BAD).toString();
    write(".hadolint.yaml", "ignored:\n  - DL3020\nfailure-threshold: error\ntrustedRegistries: [docker.io]\n");
    Cli.Run r = run("lint", bad);
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("DL3020").contains("SB001");
    write(".stagebench.yaml", "ignored: [SB001]\nfailure-threshold: warning\n");
    r = run("lint", bad);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).doesNotContain("DL3020").doesNotContain("SB001").contains("SB013");
    Path other = write("other.yaml", "failure-threshold: none\n");
    assertThat(run("lint", "--config", other.toString(), bad).code()).isZero();
    Path broken = write("broken.yaml", "ignored: DL3020\n");
    assertThat(run("lint", "--config", broken.toString(), bad).code()).isEqualTo(2);
    // the command line wins over the file
    assertThat(run("lint", "--failure-threshold", "none", bad).code()).isZero();
  }

  @Test
  void githubFormatIsWorkflowCommands() throws Exception {
    String bad = write("Dockerfile", BAD).toString();
    Cli.Run r = run("lint", "--format", "github", bad);
    assertThat(r.out().lines()).allMatch(l -> l.matches("::(error|warning|notice) file=[^,]+,line=\\d+(,col=\\d+)?,title=[A-Z]+\\d+::.+"));
    assertThat(r.out()).contains("::warning file=" + bad.replace(":", "%3A") + ",line=1,title=SB001::");
    assertThat(r.out()).contains("::error file=").contains("::notice file=");
  }

  @Test
  void jsonFormatCarriesEveryField() throws Exception {
    String bad = write("Dockerfile", BAD).toString();
    Cli.Run r = run("lint", "--format", "json", "--context", dir.toString(), bad);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.at("/files/0/file").asText()).isEqualTo(bad);
    assertThat(root.at("/files/0/context/bytes").asLong()).isEqualTo(Files.size(Path.of(bad)));
    JsonNode f = root.get("findings").get(0);
    assertThat(f.fieldNames()).toIterable().containsExactly("ruleId", "severity", "file", "line", "column", "message", "fix", "savingsBytes");
    assertThat(root.get("findings")).anySatisfy(x -> assertThat(x.get("ruleId").asText()).isEqualTo("SB012"));
  }

  /** The key required properties of the SARIF 2.1.0 schema, checked on real output. */
  @Test
  void sarifHasTheRequiredStructureOf210() throws Exception {
    String bad = write("Dockerfile", BAD).toString();
    Cli.Run r = run("lint", "--format", "sarif", bad);
    JsonNode log = new ObjectMapper().readTree(r.out());
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(log.get("$schema").asText()).contains("sarif-2.1.0");
    assertThat(log.get("runs").isArray()).isTrue();
    assertThat(log.get("runs")).hasSize(1);
    JsonNode run = log.get("runs").get(0);
    JsonNode driver = run.at("/tool/driver");
    assertThat(driver.get("name").asText()).isNotBlank();
    JsonNode rules = driver.get("rules");
    assertThat(rules).hasSize(Rules.all().size());
    Set<String> ids = new HashSet<>();
    for (JsonNode rule : rules) {
      assertThat(rule.get("id").isTextual()).isTrue();
      assertThat(ids.add(rule.get("id").asText())).as("unique rule id").isTrue();
      assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/fullDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/defaultConfiguration/level").asText()).isIn("none", "note", "warning", "error");
    }
    JsonNode results = run.get("results");
    assertThat(results.size()).isGreaterThanOrEqualTo(4);
    for (JsonNode res : results) {
      assertThat(res.at("/message/text").asText()).isNotBlank();
      assertThat(res.get("level").asText()).isIn("none", "note", "warning", "error");
      int idx = res.get("ruleIndex").asInt();
      assertThat(rules.get(idx).get("id").asText()).isEqualTo(res.get("ruleId").asText());
      JsonNode loc = res.at("/locations/0/physicalLocation");
      assertThat(loc.at("/artifactLocation/uri").asText()).isNotBlank();
      assertThat(loc.at("/region/startLine").asInt()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void explainAndListRules() {
    Cli.Run r = run("lint", "--explain", "sb005");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("SB005 (warning): Cleanup in a later layer").contains("Fix: ").contains("# stagebench ignore=SB005");
    Cli.Run list = run("lint", "--list-rules");
    assertThat(list.out().lines()).hasSize(Rules.all().size());
    assertThat(run("lint", "--list-rules", "--format", "markdown").out()).isEqualTo(LintFormats.markdown(Rules.all()));
  }

  /** docs/rules.md is the generated table: regenerate it with --list-rules --format markdown. */
  @Test
  void committedRulesDocEqualsTheGeneratedTable() throws Exception {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(p.resolve("docs")) || !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
      assertThat(p).as("repo root with docs/").isNotNull();
    }
    String committed = Files.readString(p.resolve("docs/rules.md"));
    assertThat(committed)
        .as("docs/rules.md is stale: ./stagebench lint --list-rules --format markdown > docs/rules.md")
        .isEqualTo(LintFormats.markdown(Rules.all()));
  }
}
