package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stagebench baseline update} from the jar, in a checkout-like home: it replaces the
 * baseline and regenerates reports/docs/, or with {@code --no-docs} leaves the docs alone.
 */
class BaselineUpdateIT {
  @Test
  void updateReplacesTheBaselineAndRegeneratesTheDocsUnlessTold(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("fixtures/bases"));
    Files.createDirectories(home.resolve("fixtures/profiles"));
    Path source = home.resolve("run.json");
    Files.copy(Path.of("..", "reports", "baseline", "report.json"), source);

    String console = run(home, "baseline", "update", source.toString(), "--no-docs");
    assertThat(Files.readAllBytes(home.resolve("reports/baseline/report.json"))).isEqualTo(Files.readAllBytes(source));
    assertThat(home.resolve("reports/docs")).doesNotExist();
    assertThat(console).contains("baseline is now run").doesNotContain("regenerated");

    console = run(home, "baseline", "update", source.toString());
    assertThat(console).contains("regenerated");
    assertThat(home.resolve("reports/docs/size.png")).isNotEmptyFile();
    assertThat(home.resolve("reports/docs/summary.md")).isNotEmptyFile();
    // the committed docs are the README's PNGs and summary.md; SVGs and index.html are for runs
    assertThat(home.resolve("reports/docs/index.html")).doesNotExist();
    assertThat(home.resolve("reports/docs/size.svg")).doesNotExist();
    assertThat(Files.readAllBytes(home.resolve("reports/docs/report.json"))).isEqualTo(Files.readAllBytes(source));
  }

  private static String run(Path home, String... args) throws Exception {
    SlowFixture.Ended run = SlowFixture.run(home, 2, args);
    String console = run.console();
    assertThat(run.exit()).as(console).isZero();
    return console;
  }
}
