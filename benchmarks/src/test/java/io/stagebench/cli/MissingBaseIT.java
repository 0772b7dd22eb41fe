package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile naming a base image the engine does not have: refused in one line before any build. */
class MissingBaseIT {
  @Test
  void aProfileThatLacksABaseIsOneLineAndExitThreeBeforeAnyBuild(@TempDir Path home) throws Exception {
    SlowFixture.write(home, 1);
    Files.writeString(home.resolve("fixtures/profiles/offline"), "BASE_IMAGE=stagebench/no-such-base:missing\n");
    SlowFixture.Ended run = SlowFixture.run(home, 2, "bench", "--fixtures", "slow", "--builder", "classic", "--profile", "offline",
        "--scenarios", "cold", "--no-report", "--out", home.resolve("out").toString());
    String console = run.console();
    assertThat(run.exit()).as(console).isEqualTo(3);
    assertThat(console.lines().filter(l -> l.startsWith("stagebench: ")).toList())
        .singleElement().asString().contains("stagebench/no-such-base:missing", "bases build");
    assertThat(console).doesNotContain("building", "\tat ");
  }
}
