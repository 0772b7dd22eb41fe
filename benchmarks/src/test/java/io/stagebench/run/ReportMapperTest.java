package io.stagebench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.bases.Profile;
import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.FixtureLoader;
import io.stagebench.fixture.TestHome;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mapping both ways: a report read back into results and written again says the same. */
class ReportMapperTest {
  @Test
  void resultsRestoredFromAReportWriteTheSameBuildsAndComparisons() throws Exception {
    Path home = TestHome.locate();
    Report baseline = ReportStore.read(home.resolve("reports/baseline/report.json"));
    List<Fixture> fixtures = FixtureLoader.select(FixtureLoader.loadAll(home.resolve("fixtures")), List.of(),
        baseline.run().options().fixtures());
    BenchOptions options = ReportMapper.options(baseline, 1, false);
    List<UnitResult> restored = ReportMapper.restore(BenchRunner.plan(fixtures, options), baseline);
    assertThat(restored).isNotEmpty().allMatch(u -> u.status() != UnitStatus.PENDING, "every unit restored");

    Report again = ReportMapper.toReport(new ReportMapper.RunInfo(baseline.run().id(), baseline.run().startedAt(),
        baseline.run().finishedAt(), true, false, options, "test", null), Optional.empty(),
        new Profile(baseline.environment().profile(), Map.of()), Map.of(), home, restored);

    assertThat(again.run().options()).isEqualTo(baseline.run().options());
    assertThat(again.fixtures()).hasSameSizeAs(baseline.fixtures());
    for (int i = 0; i < baseline.fixtures().size(); i++) {
      Report.FixtureResult was = baseline.fixtures().get(i);
      Report.FixtureResult is = again.fixtures().get(i);
      assertThat(is.name()).isEqualTo(was.name());
      assertThat(is.comparisons()).as(was.name() + " comparisons").isEqualTo(was.comparisons());
      for (int v = 0; v < was.variants().size(); v++) {
        assertThat(is.variants().get(v).builds()).as(was.name() + "/" + was.variants().get(v).name())
            .isEqualTo(was.variants().get(v).builds());
      }
    }
    assertThat(again.failures()).isEqualTo(baseline.failures());
  }

  @Test
  void aFailedUnitIsMeasuredAgainOnResume() throws Exception {
    Path home = TestHome.locate();
    Report baseline = ReportStore.read(home.resolve("reports/baseline/report.json"));
    Report.FixtureResult f0 = baseline.fixtures().get(0);
    Report.VariantResult v0 = f0.variants().get(0);
    Report.BuildResultJson b0 = v0.builds().get(0);
    Report.BuildResultJson failed = new Report.BuildResultJson(b0.builder(), "failed", "cold build failed: exit 1",
        List.of("exit 1"), null, null, null);
    List<Report.BuildResultJson> builds = new ArrayList<>(v0.builds());
    builds.set(0, failed);
    Report.VariantResult v1 = new Report.VariantResult(v0.name(), v0.dockerfile(), v0.pattern(), v0.target(),
        v0.production(), v0.lint(), builds);
    List<Report.VariantResult> variants = new ArrayList<>(f0.variants());
    variants.set(0, v1);
    Report edited = new Report(baseline.schemaVersion(), baseline.tool(), baseline.run(), baseline.environment(),
        List.of(new Report.FixtureResult(f0.name(), f0.path(), f0.language(), f0.description(), variants, f0.comparisons())),
        List.of());
    List<Fixture> fixtures = FixtureLoader.select(FixtureLoader.loadAll(home.resolve("fixtures")), List.of(), List.of(f0.name()));
    List<UnitResult> restored = ReportMapper.restore(BenchRunner.plan(fixtures, ReportMapper.options(edited, 1, false)), edited);
    UnitResult again = restored.stream()
        .filter(u -> u.variant().name().equals(v0.name()) && u.builder().id().equals(b0.builder())).findFirst().orElseThrow();
    assertThat(again.status()).isEqualTo(UnitStatus.PENDING);
    assertThat(again.samples()).isEmpty();
    assertThat(restored.stream().filter(u -> u != again)).allMatch(u -> u.status() != UnitStatus.PENDING);
  }
}
