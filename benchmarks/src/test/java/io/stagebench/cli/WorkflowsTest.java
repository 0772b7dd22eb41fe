package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The GitHub workflows parse as YAML, run only {@code stagebench} subcommands that exist (with
 * options their parsers accept) and only scripts that exist in the repository.
 */
class WorkflowsTest {
  /**
   * Subcommands the workflows use that other branches add (the lead merges them). Every other
   * subcommand must exist here.
   */
  static final Set<String> FROM_OTHER_BRANCHES = Set.of("lint", "report");

  private static final Pattern STAGEBENCH = Pattern.compile("\\./stagebench\\s+([^\\n]*)");
  private static final Pattern SCRIPT = Pattern.compile("(?<![\\w/.])(scripts/[\\w.-]+|\\.ci/[\\w.-]+|\\./mvnw|fixtures/bases/[\\w.-]+)");

  static Path repo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(".github/workflows")) && Files.exists(p.resolve("mvnw"))) {
        return p;
      }
    }
    throw new IllegalStateException("no .github/workflows above " + Path.of("").toAbsolutePath());
  }

  static JsonNode load(String name) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(repo().resolve(".github/workflows").resolve(name).toFile());
  }

  static List<String> runs(JsonNode wf) {
    List<String> out = new ArrayList<>();
    wf.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
      if (step.has("run")) {
        out.add(step.get("run").asText());
      }
    }));
    return out;
  }

  /** The arguments of every {@code ./stagebench ...} invocation, shell syntax stripped. */
  static List<List<String>> invocations(List<String> runs) {
    List<List<String>> out = new ArrayList<>();
    for (String run : runs) {
      Matcher m = STAGEBENCH.matcher(run);
      while (m.find()) {
        String cmd = m.group(1).split("\\s(>>?|2>|\\||&&|;)\\s?|\\s>")[0];
        cmd = cmd.replaceAll("\\$\\{\\{[^}]*}}", "1").replaceAll("\"?\\$\\{?\\w+}?\"?", "offline");
        out.add(Arrays.stream(cmd.trim().split("\\s+")).map(s -> s.replace("\"", "").replace("'", "")).toList());
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"nightly.yml", "ci.yml"})
  void everyStagebenchInvocationNamesAnExistingSubcommandWithValidOptions(String file) throws Exception {
    JsonNode wf = load(file);
    assertThat(wf.path("jobs").size()).isPositive();
    List<List<String>> calls = invocations(runs(wf));
    assertThat(calls).isNotEmpty();
    Set<String> known = Main.commandLine().getSubcommands().keySet();
    Set<String> fromOthers = new LinkedHashSet<>();
    for (List<String> args : calls) {
      String sub = args.get(0);
      if (FROM_OTHER_BRANCHES.contains(sub) && !known.contains(sub)) {
        fromOthers.add(sub);
        continue;
      }
      assertThat(known).as("subcommand of `./stagebench %s` in %s", String.join(" ", args), file).contains(sub);
      // The command line parses: unknown options or bad arity fail here.
      Main.commandLine().parseArgs(args.toArray(String[]::new));
    }
    // Whatever is expected from other branches is only that.
    assertThat(FROM_OTHER_BRANCHES).containsAll(fromOthers);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nightly.yml", "ci.yml"})
  void referencedScriptsExistAndActionsArePinned(String file) throws Exception {
    JsonNode wf = load(file);
    for (String run : runs(wf)) {
      Matcher m = SCRIPT.matcher(run);
      while (m.find()) {
        assertThat(repo().resolve(m.group(1))).as("%s referenced in %s", m.group(1), file).exists();
      }
    }
    wf.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
      if (step.has("uses")) {
        assertThat(step.get("uses").asText()).matches("[\\w.-]+/[\\w./-]+@v\\d+");
      }
    }));
  }

  @Test
  void nightlyIsScheduledManualComparesAndMergesShards() throws Exception {
    JsonNode wf = load("nightly.yml");
    JsonNode on = wf.has("on") ? wf.get("on") : wf.get("true"); // YAML 1.1 reads a bare `on` as true
    assertThat(on.path("schedule").get(0).path("cron").asText()).isNotBlank();
    assertThat(on.path("workflow_dispatch").path("inputs").has("shards")).isTrue();
    List<List<String>> calls = invocations(runs(wf));
    assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("bench").contains("--shard", "--profile"));
    assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("merge"));
    assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("compare", "reports/baseline/report.json").contains("--format", "markdown"));
    assertThat(String.join("\n", runs(wf))).contains("$GITHUB_STEP_SUMMARY");
    assertThat(wf.at("/jobs/bench/strategy/matrix/shard").asText()).contains("fromJSON");
    assertThat(wf.at("/jobs/bench/steps").findValuesAsText("uses")).anyMatch(u -> u.startsWith("actions/setup-java"));
  }

  @Test
  void ciRunsTheReadmeTestCommandAndUploadsSarif() throws Exception {
    JsonNode wf = load("ci.yml");
    assertThat(String.join("\n", runs(wf))).contains("scripts/test");
    assertThat(Files.readString(repo().resolve("README.md"))).contains("`scripts/test`");
    assertThat(wf.at("/jobs/lint/steps").findValuesAsText("uses")).anyMatch(u -> u.startsWith("github/codeql-action/upload-sarif"));
    assertThat(invocations(runs(wf))).anySatisfy(c -> assertThat(c).startsWith("lint").contains("--format", "sarif"));
  }

  @Test
  void theInvocationParserSeesWhatTheShellWould() {
    List<List<String>> calls = invocations(List.of(
        "./stagebench compare a.json b.json --format markdown > compare.md\nsudo ./stagebench bases build && echo done",
        "./stagebench bench --profile \"$PROFILE\" --shard ${{ matrix.shard }}/${{ needs.plan.outputs.count }}"));
    assertThat(calls).containsExactly(
        List.of("compare", "a.json", "b.json", "--format", "markdown"),
        List.of("bases", "build"),
        List.of("bench", "--profile", "offline", "--shard", "1/1"));
    // A misspelled option would not parse.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Main.commandLine().parseArgs("compare", "a", "b", "--formt", "x"))
        .isInstanceOf(CommandLine.ParameterException.class);
  }
}
