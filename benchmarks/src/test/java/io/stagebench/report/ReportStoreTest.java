package io.stagebench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportStoreTest {
  @TempDir Path dir;

  @Test
  void roundTripsAndLeavesNoTemporaryFiles() throws Exception {
    Report r = Reports.report("r1", "20.10", List.of(Reports.fixture("go", Reports.variant("single", Reports.build("classic", 100, 10, 12)))));
    Path f = dir.resolve("sub/report.json");
    ReportStore.write(f, r);
    ReportStore.write(f, r);
    assertThat(ReportStore.read(f)).isEqualTo(r);
    try (var s = Files.list(f.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("report.json");
    }
    assertThat(Files.readString(f)).doesNotContain(dir.toString());
  }

  @Test
  void refusesWhatIsNotAReportInOneLine() throws Exception {
    Path garbage = Files.writeString(dir.resolve("g.json"), "\u0000\u0001 not json");
    assertThatThrownBy(() -> ReportStore.read(garbage)).isInstanceOfSatisfying(StagebenchException.class,
        e -> assertThat(e.category()).isEqualTo(StagebenchException.Category.ENVIRONMENT)).hasMessageContaining("is not a stagebench report");
    Path other = Files.writeString(dir.resolve("o.json"), "{\"name\": \"x\"}");
    assertThatThrownBy(() -> ReportStore.read(other)).hasMessageContaining("no schemaVersion");
    Path v2 = Files.writeString(dir.resolve("v2.json"), "{\"schemaVersion\": 2, \"tool\": {\"name\": \"stagebench\"}}");
    assertThatThrownBy(() -> ReportStore.read(v2)).hasMessageContaining("schema version 2, this stagebench reads version 1");
    assertThatThrownBy(() -> ReportStore.read(dir.resolve("missing.json"))).hasMessageStartingWith("cannot read");
  }
}
