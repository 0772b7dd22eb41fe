package io.stagebench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path home;

  private Path run(String id, long mtime, Report r) throws Exception {
    Path f = home.resolve("reports/runs/" + id + "/report.json");
    ReportStore.write(f, r);
    Files.setLastModifiedTime(f, FileTime.fromMillis(mtime));
    return f;
  }

  private static Report r(String id, boolean complete) {
    Report x = Reports.report(id, "20.10", List.of(Reports.fixture("go", Reports.variant("single", Reports.build("classic", 100, 10, 12)))));
    return new Report(x.schemaVersion(), x.tool(), new Report.Run(id, x.run().startedAt(), x.run().finishedAt(), complete, !complete, x.run().options()),
        x.environment(), x.fixtures(), x.failures());
  }

  @Test
  void newestRunIsTheLatestModified() throws Exception {
    assertThat(Baseline.newestRun(home)).isEmpty();
    run("b-older", 1_000_000L, r("b", true));
    Path newest = run("a-newer", 2_000_000L, r("a", true));
    Files.createDirectories(home.resolve("reports/runs/empty"));
    assertThat(Baseline.newestRun(home)).contains(newest);
  }

  @Test
  void updateCopiesTheBytesAtomicallyAndRefusesNonReports() throws Exception {
    Path src = run("a", 1_000L, r("a", true));
    Report got = Baseline.update(home, src, false);
    assertThat(got.run().id()).isEqualTo("a");
    assertThat(Files.readAllBytes(Baseline.file(home))).isEqualTo(Files.readAllBytes(src));
    try (var s = Files.list(Baseline.file(home).getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("report.json");
    }
    Path garbage = Files.writeString(home.resolve("g.json"), "not json");
    assertThatThrownBy(() -> Baseline.update(home, garbage, false)).isInstanceOfSatisfying(StagebenchException.class,
        e -> assertThat(e.category()).isEqualTo(StagebenchException.Category.ENVIRONMENT));
    Path partial = run("p", 2_000L, r("p", false));
    assertThatThrownBy(() -> Baseline.update(home, partial, false)).isInstanceOfSatisfying(StagebenchException.class,
        e -> assertThat(e.category()).isEqualTo(StagebenchException.Category.USAGE)).hasMessageContaining("did not complete");
    // Neither refusal touched the baseline.
    assertThat(ReportStore.read(Baseline.file(home)).run().id()).isEqualTo("a");
    assertThat(Baseline.update(home, partial, true).run().id()).isEqualTo("p");
  }
}
