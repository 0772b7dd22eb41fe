package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input that needs no engine: every case is refused before anything is built, with one line
 * on stderr that names the problem, and the documented exit code.
 */
class BadInputTest {
  @TempDir Path dir;

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private static void assertOneLine(Cli.Run r, int code, String fragment) {
    assertThat(r.code()).as(r.err()).isEqualTo(code);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).startsWith("stagebench: ").contains(fragment);
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void negativeRepetitionsAreAUsageError() {
    assertOneLine(run("bench", "--reps", "-1"), 2, "reps");
  }

  @Test
  void aShardBeyondItsCountIsAUsageError() {
    assertOneLine(run("bench", "--shard", "3/2"), 2, "3/2");
  }

  @Test
  void aShardThatIsNotINIsAUsageError() {
    assertOneLine(run("bench", "--shard", "two"), 2, "two");
  }

  @Test
  void anUnknownScenarioIsAUsageError() {
    assertOneLine(run("bench", "--scenarios", "cold,lukewarm"), 2, "lukewarm");
  }

  @Test
  void anUnknownBuilderIsAUsageError() {
    assertOneLine(run("bench", "--builder", "kaniko"), 2, "kaniko");
  }

  @Test
  void anUnknownFixtureIsAUsageError() {
    assertOneLine(run("bench", "--fixtures", "no-such-fixture"), 2, "no-such-fixture");
  }

  @Test
  void anUnknownVariantIsAUsageError() {
    assertOneLine(run("bench", "--fixtures", "go-static", "--variants", "multi-nope"), 2, "multi-nope");
  }

  @Test
  void aBuildTimeoutThatIsNotADurationIsAUsageError() {
    assertOneLine(run("bench", "--build-timeout", "soon"), 2, "soon");
    assertOneLine(run("bench", "--build-timeout", "0"), 2, "positive duration");
  }

  @Test
  void resumingADirectoryWithoutAReportIsAUsageError() {
    assertOneLine(run("bench", "--resume", dir.toString()), 2, "no report.json");
  }

  @Test
  void resumeTakesTheRunsOwnOptions() {
    assertOneLine(run("bench", "--resume", dir.toString(), "--fixtures", "go-static"), 2, "own options");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertOneLine(run("parse", "--format", "xml", "Dockerfile"), 2, "xml");
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    Cli.Run r = run("benchmark");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("benchmark");
  }

  @Test
  void mergingAFileThatIsNotAReportIsRefused() throws Exception {
    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{\"hello\": 1}");
    Path other = dir.resolve("binary.json");
    Files.write(other, new byte[] {0, 1, 2, (byte) 0xff});
    Cli.Run r = run("merge", junk.toString(), other.toString(), "-o", dir.resolve("out.json").toString());
    assertThat(r.code()).as(r.err()).isIn(2, 3);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains("junk.json");
    assertThat(Files.exists(dir.resolve("out.json"))).isFalse();
  }

  @Test
  void aMissingDockerfileForParseIsAnEnvironmentErrorNotAStackTrace() {
    Cli.Run r = run("parse", dir.resolve("nope/Dockerfile").toString());
    assertThat(r.code()).isIn(2, 3);
    assertThat(r.err()).contains("nope").doesNotContain("\tat ");
  }
}
