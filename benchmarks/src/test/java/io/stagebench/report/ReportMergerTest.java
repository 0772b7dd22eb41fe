package io.stagebench.report;

import static io.stagebench.report.Reports.build;
import static io.stagebench.report.Reports.fixture;
import static io.stagebench.report.Reports.report;
import static io.stagebench.report.Reports.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMergerTest {
  @Test
  void joinsShardsByFixtureAndVariant() throws Exception {
    Report a = report("r1", "20.10", List.of(fixture("go", variant("single", build("classic", 100, 10)))));
    Report b = report("r1", "20.10", List.of(fixture("go", variant("multi", build("classic", 10, 9))),
        fixture("node", variant("single", build("classic", 500, 20)))));
    Report m = ReportMerger.merge(List.of(a, b), false);
    assertThat(m.fixtures()).extracting(Report.FixtureResult::name).containsExactly("go", "node");
    assertThat(m.fixtures().get(0).variants()).extracting(Report.VariantResult::name).containsExactly("single", "multi");
    assertThat(m.run().options().shard()).isEqualTo("merged:2");
  }

  @Test
  void refusesReportsOfAnotherEngineUnlessForced() throws Exception {
    Report a = report("r1", "20.10", List.of(fixture("go", variant("single", build("classic", 100, 10)))));
    Report b = report("r2", "24.0", List.of(fixture("node", variant("single", build("classic", 100, 10)))));
    assertThatThrownBy(() -> ReportMerger.merge(List.of(a, b), false))
        .isInstanceOf(StagebenchException.class).hasMessageContaining("another engine version").hasMessageContaining("--force");
    assertThat(ReportMerger.merge(List.of(a, b), true).fixtures()).hasSize(2);
  }

  @Test
  void refusesTheSameUnitTwice() {
    Report a = report("r1", "20.10", List.of(fixture("go", variant("single", build("classic", 100, 10)))));
    assertThatThrownBy(() -> ReportMerger.merge(List.of(a, a), false)).hasMessageContaining("is in two of the reports");
  }
}
