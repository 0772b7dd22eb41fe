package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import io.stagebench.run.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagebench compare} on hand-made report files: exit codes and what the user reads. */
class CompareCommandTest {
  @TempDir Path dir;

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private static Report report(String run, long multiSize, long... warm) {
    List<Report.Sample> samples = Arrays.stream(warm).mapToObj(m -> new Report.Sample(m, 6, 6, 0)).toList();
    Report.BuildResultJson multi = new Report.BuildResultJson("classic", "ok", null, null,
        new Report.Image("sha256:m", multiSize, null, 2, List.of(), null), new Report.Smoke(true, 50L, "ok"),
        Map.of("warm", new Report.ScenarioResult(samples, new Report.Stats(0, 0, 0, 0, 0, samples.size()), null)));
    Report.BuildResultJson single = new Report.BuildResultJson("classic", "ok", null, null,
        new Report.Image("sha256:s", 900_000_000L, null, 6, List.of(), null), new Report.Smoke(true, 50L, "ok"), Map.of());
    return new Report(Report.SCHEMA_VERSION, new Report.Tool("stagebench", "0.1.0-SNAPSHOT", "abc"),
        new Report.Run(run, "2026-11-27T01:00:00Z", "2026-11-27T01:10:00Z", true, false, null),
        new Report.Environment(new Report.Engine("20.10.24", "1.41", "overlay2", "linux", "amd64", Map.of()),
            new Report.Host(2, 8L << 30, "17"), "offline", Map.of()),
        List.of(new Report.FixtureResult("go-static", "fixtures/go-static", "go", "demo", List.of(
            new Report.VariantResult("single", "Dockerfile.single", "single", null, true, null, List.of(single)),
            new Report.VariantResult("multi", "Dockerfile.multi", "multi", null, true, null, List.of(multi))), List.of())),
        List.of());
  }

  private Path write(String name, Report r) throws Exception {
    Path p = dir.resolve(name);
    ReportStore.write(p, r);
    return p;
  }

  @Test
  void identicalReportsExitZero() throws Exception {
    Path a = write("a.json", report("a", 8_000_000L, 1000, 1100, 900));
    Cli.Run r = run("compare", a.toString(), a.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("OK: no regression");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void sizeRegressionExitsOneAndComesFirst() throws Exception {
    Path a = write("a.json", report("a", 8_000_000L, 1000, 1100, 900));
    Path b = write("b.json", report("b", 8_200_000L, 1000, 1100, 900));
    Cli.Run r = run("compare", a.toString(), b.toString(), "--format", "markdown");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).startsWith("## stagebench compare: regressed");
    assertThat(r.out().indexOf("### Regressions")).isLessThan(r.out().indexOf("<details>"));
    // A looser threshold lets the same pair pass.
    assertThat(run("compare", a.toString(), b.toString(), "--max-size-increase", "3%").code()).isZero();
  }

  @Test
  void significantSlowdownExitsOneNoisyOnePasses() throws Exception {
    Path a = write("a.json", report("a", 8_000_000L, 1000, 1010, 990, 1005));
    Path slow = write("slow.json", report("slow", 8_000_000L, 1400, 1420, 1390, 1410));
    Path noisy = write("noisy.json", report("noisy", 8_000_000L, 600, 2400, 900, 1900));
    assertThat(run("compare", a.toString(), slow.toString()).code()).isEqualTo(1);
    Cli.Run n = run("compare", a.toString(), noisy.toString(), "--format", "json");
    assertThat(n.code()).isZero();
    JsonNode json = ReportStore.MAPPER.readTree(n.out());
    assertThat(json.at("/times/0/verdict").asText()).isEqualTo("UNCHANGED");
    assertThat(json.at("/times/0/p").asDouble()).isGreaterThan(0.05);
    assertThat(json.at("/times/0/deltaPercent").asDouble()).isGreaterThan(20);
  }

  @Test
  void schemaMismatchAndGarbageAreRefusedWithExitThree() throws Exception {
    Path a = write("a.json", report("a", 8_000_000L, 1000, 1100, 900));
    Path v2 = dir.resolve("v2.json");
    Files.writeString(v2, Files.readString(a).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));
    Cli.Run r = run("compare", a.toString(), v2.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err().strip()).contains("schema version 2").doesNotContain("\n").doesNotContain("Exception");
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "<html>not a report</html>");
    Cli.Run g = run("compare", garbage.toString(), a.toString());
    assertThat(g.code()).isEqualTo(3);
    assertThat(g.err()).contains("is not a stagebench report");
    Path other = Files.writeString(dir.resolve("other.json"), "{\"benchmark\": \"x\"}");
    assertThat(run("compare", a.toString(), other.toString()).code()).isEqualTo(3);
    assertThat(run("compare", a.toString(), dir.resolve("missing.json").toString()).code()).isEqualTo(3);
  }

  @Test
  void badOptionValuesAreUsageErrors() throws Exception {
    Path a = write("a.json", report("a", 8_000_000L, 1000, 1100, 900));
    Cli.Run r = run("compare", a.toString(), a.toString(), "--max-size-increase", "lots");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--max-size-increase takes a percentage");
    assertThat(run("compare", a.toString(), a.toString(), "--alpha", "2").code()).isEqualTo(2);
    assertThat(run("compare", a.toString(), a.toString(), "--format", "yaml").code()).isEqualTo(2);
    assertThat(run("compare", a.toString()).code()).isEqualTo(2);
  }

  @Test
  void durationsAndPercentagesParse() throws Exception {
    assertThat(CompareCommand.millis("x", "250ms")).isEqualTo(250);
    assertThat(CompareCommand.millis("x", "1.5s")).isEqualTo(1500);
    assertThat(CompareCommand.millis("x", "300")).isEqualTo(300);
    assertThat(CompareCommand.percent("x", "2.5%")).isEqualTo(2.5);
  }
}
