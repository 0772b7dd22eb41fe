package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private Path report() throws Exception {
    Path r = dir.resolve("run").resolve("report.json");
    Files.createDirectories(r.getParent());
    Files.copy(Path.of(getClass().getResource("/reports/one-fixture.json").toURI()), r);
    return r;
  }

  @Test
  void writesNextToTheReportByDefault() throws Exception {
    Path r = report();
    Cli.Run run = run("report", r.toString(), "--formats", "md,html");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("wrote 2 file(s)");
    assertThat(r.getParent().resolve("summary.md")).exists();
    assertThat(r.getParent().resolve("index.html")).exists();
    try (Stream<Path> s = Files.list(r.getParent())) {
      assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
    }
  }

  @Test
  void anUnknownFormatIsAUsageErrorInOneLine() throws Exception {
    Cli.Run run = run("report", report().toString(), "--formats", "png,pdf");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("stagebench: unknown format \"pdf\"; use png, svg, md or html");
  }

  @Test
  void aFileThatIsNoReportIsAnEnvironmentError() throws Exception {
    Path bad = dir.resolve("x.json");
    Files.writeString(bad, "{\"hello\": 1}");
    Cli.Run run = run("report", bad.toString(), "--out", dir.resolve("o").toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err().strip()).contains("is not a stagebench report").doesNotContain("\n").doesNotContain("Exception");
  }
}
