package io.stagebench.report;

import static io.stagebench.report.Reports.build;
import static io.stagebench.report.Reports.fixture;
import static io.stagebench.report.Reports.report;
import static io.stagebench.report.Reports.variant;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.report.Comparison.Thresholds;
import io.stagebench.report.Comparison.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static Report one(String run, String engine, long size, long... warm) {
    return report(run, engine, List.of(
        fixture("go-static", variant("single", build("classic", 800_000_000L, 1000, 1010, 990)),
            variant("multi", build("classic", size, warm))),
        fixture("python", variant("single", build("classic", 300_000_000L, 2000, 2100, 1900)))));
  }

  @Test
  void identicalReportsPass() {
    Report a = one("a", "20.10", 10_000_000L, 1000, 1100, 900);
    Comparison.Result r = Comparison.compare(a, a, Thresholds.DEFAULT);
    assertThat(r.regressed()).isFalse();
    assertThat(r.environment()).isEmpty();
    assertThat(r.sizes()).hasSize(3).allMatch(s -> s.verdict() == Verdict.UNCHANGED && s.deltaBytes() == 0);
    assertThat(r.times()).hasSize(3).allMatch(t -> t.verdict() == Verdict.UNCHANGED && t.p() > 0.99);
    assertThat(r.added()).isEmpty();
    assertThat(r.removed()).isEmpty();
  }

  @Test
  void sizeIncreaseAboveThresholdFailsBelowPasses() {
    Report a = one("a", "20.10", 10_000_000L, 1000, 1100, 900);
    Report bigger = one("b", "20.10", 10_150_000L, 1000, 1100, 900); // +1.5 %
    Comparison.Result r = Comparison.compare(a, bigger, Thresholds.DEFAULT);
    assertThat(r.regressed()).isTrue();
    assertThat(r.sizeRegressions()).singleElement().satisfies(s -> {
      assertThat(s.unit()).isEqualTo("go-static/multi [classic]");
      assertThat(s.deltaBytes()).isEqualTo(150_000L);
      assertThat(s.deltaPercent()).isEqualTo(1.5);
    });
    Report slightly = one("c", "20.10", 10_050_000L, 1000, 1100, 900); // +0.5 %
    assertThat(Comparison.compare(a, slightly, Thresholds.DEFAULT).regressed()).isFalse();
    assertThat(Comparison.compare(a, slightly, new Thresholds(0.4, 20, 250, 0.05)).regressed()).isTrue();
    Report smaller = one("d", "20.10", 9_000_000L, 1000, 1100, 900);
    assertThat(Comparison.compare(a, smaller, Thresholds.DEFAULT).sizes())
        .filteredOn(s -> s.verdict() == Verdict.IMPROVEMENT).hasSize(1);
  }

  @Test
  void noisyInsignificantSlowdownPasses() {
    // Mean +40 % and +400 ms, but the samples scatter so much that p is far above 0.05.
    Report a = one("a", "20.10", 10_000_000L, 600, 1500, 900);
    Report b = one("b", "20.10", 10_000_000L, 400, 2300, 1500);
    Comparison.Result r = Comparison.compare(a, b, Thresholds.DEFAULT);
    Comparison.TimeChange t = r.times().stream().filter(x -> x.variant().equals("multi")).findFirst().orElseThrow();
    assertThat(t.deltaPercent()).isGreaterThan(20);
    assertThat(t.deltaMillis()).isGreaterThan(250);
    assertThat(t.p()).isGreaterThan(0.05);
    assertThat(t.verdict()).isEqualTo(Verdict.UNCHANGED);
    assertThat(r.regressed()).isFalse();
  }

  @Test
  void significantSlowdownFailsOnlyAboveBothThresholds() {
    Report a = one("a", "20.10", 10_000_000L, 1000, 1010, 990);
    Report b = one("b", "20.10", 10_000_000L, 1500, 1520, 1490);
    Comparison.Result r = Comparison.compare(a, b, Thresholds.DEFAULT);
    assertThat(r.timeRegressions()).singleElement().satisfies(t -> {
      assertThat(t.unit()).isEqualTo("go-static/multi [classic] warm");
      assertThat(t.p()).isLessThan(0.001);
      assertThat(t.deltaMillis()).isCloseTo(503.33, org.assertj.core.api.Assertions.within(0.01));
    });
    // Significant but under the 600 ms floor, or under a 60 % ceiling: not a regression.
    assertThat(Comparison.compare(a, b, new Thresholds(1, 20, 600, 0.05)).regressed()).isFalse();
    assertThat(Comparison.compare(a, b, new Thresholds(1, 60, 250, 0.05)).regressed()).isFalse();
    // The reverse is an improvement.
    assertThat(Comparison.compare(b, a, Thresholds.DEFAULT).times())
        .filteredOn(t -> t.verdict() == Verdict.IMPROVEMENT).hasSize(1);
  }

  @Test
  void tooFewSamplesOrNoVarianceAreNotTested() {
    Report a = one("a", "20.10", 10_000_000L, 1000);
    Report b = one("b", "20.10", 10_000_000L, 9000, 9000);
    Comparison.TimeChange t = Comparison.compare(a, b, Thresholds.DEFAULT).times().stream()
        .filter(x -> x.variant().equals("multi")).findFirst().orElseThrow();
    assertThat(t.verdict()).isEqualTo(Verdict.NOT_TESTED);
    assertThat(t.note()).contains("too few samples (1 vs 2");
    assertThat(t.p()).isNull();
    Report c = one("c", "20.10", 10_000_000L, 1000, 1000);
    Comparison.TimeChange z = Comparison.compare(c, b, Thresholds.DEFAULT).times().stream()
        .filter(x -> x.variant().equals("multi")).findFirst().orElseThrow();
    assertThat(z.verdict()).isEqualTo(Verdict.NOT_TESTED);
    assertThat(z.note()).contains("no variance");
  }

  @Test
  void addedRemovedAndEnvironmentAreReported() {
    Report a = one("a", "20.10", 10_000_000L, 1000, 1100, 900);
    Report b = report("b", "24.0", List.of(
        fixture("go-static", variant("multi", build("classic", 10_000_000L, 1000, 1100, 900)),
            variant("distroless", build("classic", 5_000_000L, 1000, 1100, 900))),
        fixture("rust", variant("single", build("classic", 1L, 1, 2)))));
    Comparison.Result r = Comparison.compare(a, b, Thresholds.DEFAULT);
    assertThat(r.added()).containsExactly("go-static/distroless", "rust");
    assertThat(r.removed()).containsExactly("go-static/single", "python");
    assertThat(r.environment()).containsExactly("engine version: 20.10 -> 24.0");
    // A scenario measured only on one side is listed too.
    Report.BuildResultJson noScenarios = new Report.BuildResultJson("classic", "ok", null, null,
        new Report.Image("sha256:x", 10_000_000L, null, 3, List.of(), null), null, Map.of());
    Report c = report("c", "20.10", List.of(fixture("go-static", variant("multi", noScenarios))));
    assertThat(Comparison.compare(a, c, Thresholds.DEFAULT).removed()).contains("go-static/multi [classic] warm");
    assertThat(r.regressed()).isFalse();
  }

  @Test
  void aBuildThatNowFailsIsARegression() {
    Report a = one("a", "20.10", 10_000_000L, 1000, 1100, 900);
    Report.BuildResultJson failed = new Report.BuildResultJson("classic", "failed", "exit 1", List.of("boom"), null, null, null);
    Report b = report("b", "20.10", List.of(
        fixture("go-static", variant("single", build("classic", 800_000_000L, 1000, 1010, 990)), variant("multi", failed)),
        fixture("python", variant("single", build("classic", 300_000_000L, 2000, 2100, 1900)))));
    Comparison.Result r = Comparison.compare(a, b, Thresholds.DEFAULT);
    assertThat(r.statusRegressions()).singleElement().satisfies(s -> assertThat(s.unit()).isEqualTo("go-static/multi [classic]"));
    assertThat(r.regressed()).isTrue();
  }

  @Test
  void markdownListsRegressionsFirstAndStatesTheEnvironment() {
    Report a = one("a", "20.10", 10_000_000L, 1000, 1010, 990);
    Report b = one("b", "24.0", 20_000_000L, 1000, 1010, 990);
    String md = ComparisonRenderer.render(Comparison.compare(a, b, Thresholds.DEFAULT), ComparisonRenderer.Format.MARKDOWN);
    assertThat(md).startsWith("## stagebench compare: regressed");
    assertThat(md.indexOf("Environment changed")).isPositive().isLessThan(md.indexOf("### Regressions"));
    assertThat(md.indexOf("### Regressions")).isLessThan(md.indexOf("<details>"));
    String regressions = md.substring(md.indexOf("### Regressions"), md.indexOf("<details>"));
    assertThat(regressions).contains("`go-static/multi [classic]`", "+100.00%").doesNotContain("python");
    String text = ComparisonRenderer.render(Comparison.compare(a, b, Thresholds.DEFAULT), ComparisonRenderer.Format.TEXT);
    assertThat(text.lines().toList().get(0)).startsWith("REGRESSED: 1 regression(s)");
    assertThat(text.indexOf("regressions:")).isLessThan(text.indexOf("unchanged or not tested:"));
  }

  private static Report onStore(Report r, String driver, String store, String kind) {
    Report.Engine e = r.environment().engine();
    Report.Engine moved = new Report.Engine(e.version(), e.apiVersion(), driver, e.os(), e.architecture(), e.builders(),
        kind, store, store == null ? null : "1.44", null, null, null);
    return new Report(r.schemaVersion(), r.tool(), r.run(),
        new Report.Environment(moved, r.environment().host(), r.environment().profile(), r.environment().baseImages()),
        r.fixtures(), r.failures());
  }

  @Test
  void storeAndKindChangesAreListedFirst() {
    Report a = one("a", "20.10", 10_000_000L, 1000, 1100, 900);
    Report b = onStore(one("b", "28.5.2", 10_000_000L, 1000, 1100, 900), "overlayfs", "containerd", "docker");
    Comparison.Result r = Comparison.compare(a, b, Thresholds.DEFAULT);
    assertThat(r.environment()).first().isEqualTo("image store: graphdriver -> containerd");
    assertThat(r.environment()).contains("engine version: 20.10 -> 28.5.2", "storage driver: overlay2 -> overlayfs");
    // both sizes are uncompressed sizes: equal bytes are no change, whatever the store
    assertThat(r.sizes()).allMatch(s -> s.verdict() == Verdict.UNCHANGED && s.note() == null);
    Report p = onStore(one("p", "5.8.6", 10_000_000L, 1000, 1100, 900), "overlay", "containers-storage", "podman");
    assertThat(Comparison.compare(a, p, Thresholds.DEFAULT).environment()).startsWith("engine kind: docker -> podman");
  }

  @Test
  void aStoreChangeIsNotCalledASizeChange() {
    // A report written before the store was recorded, from the containerd store: its sizes are the
    // engine's compressed content, a third of the uncompressed size.
    Report old = onStore(one("old", "28.5.2", 3_300_000L, 1000, 1100, 900), "overlayfs", null, null);
    Report now = one("now", "20.10", 10_000_000L, 1000, 1100, 900);
    Comparison.Result r = Comparison.compare(old, now, Thresholds.DEFAULT);
    assertThat(r.regressed()).isFalse();
    assertThat(r.sizes()).isNotEmpty().allMatch(s -> s.verdict() == Verdict.NOT_TESTED);
    assertThat(r.sizes().get(0).note()).contains("overlayfs").contains("not the uncompressed size");
    assertThat(ComparisonRenderer.text(r)).contains("not compared:");
  }

  private static Report calibrated(Report r, long classicMillis, long buildkitMillis) {
    Report.Engine e = r.environment().engine();
    Report.Engine c = new Report.Engine(e.version(), e.apiVersion(), e.storageDriver(), e.os(), e.architecture(), e.builders(),
        e.kind(), e.imageStore(), e.negotiatedApiVersion(), e.engineSizeMeaning(), e.registryMirrors(),
        new Report.Calibration("probe", Map.of("classic", classicMillis, "buildkit", buildkitMillis)));
    return new Report(r.schemaVersion(), r.tool(), r.run(),
        new Report.Environment(c, r.environment().host(), r.environment().profile(), r.environment().baseImages()),
        r.fixtures(), r.failures());
  }

  @Test
  void anEngineThatIsSlowerForEveryBuildIsNamedAsSuch() {
    Report a = calibrated(one("a", "20.10", 10_000_000L, 1000, 1100, 900), 400, 300);
    Report slower = calibrated(one("b", "20.10", 10_000_000L, 1000, 1100, 900), 2400, 330);
    assertThat(Comparison.compare(a, slower, Thresholds.DEFAULT).environment())
        .containsExactly("engine calibration classic: 400 ms -> 2400 ms (6.0x): the engine itself is slower");
    // noise within 1.5x is no line
    Report same = calibrated(one("c", "20.10", 10_000_000L, 1000, 1100, 900), 480, 250);
    assertThat(Comparison.compare(a, same, Thresholds.DEFAULT).environment()).isEmpty();
  }
}
