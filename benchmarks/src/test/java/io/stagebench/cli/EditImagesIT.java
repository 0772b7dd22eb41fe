package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineTestSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edit samples use a fresh value each, so their layers can never be reused: a run drops them, and
 * repeating a run with source edits leaves the engine with as many images as before (the classic
 * builder would otherwise keep a chain of untagged images per sample).
 */
class EditImagesIT {
  @Test
  void aSecondRunWithSourceEditsAddsNoImages(@TempDir Path home) throws Exception {
    SlowFixture.write(home, 1);
    bench(home, "first");
    long before = images();
    bench(home, "second");
    assertThat(images()).isEqualTo(before);
  }

  private static void bench(Path home, String name) throws Exception {
    SlowFixture.Ended run = SlowFixture.run(home, 5, "bench", "--fixtures", "slow", "--variants", "single", "--builder", "both",
        "--profile", "offline", "--scenarios", "warm,source-edit", "--reps", "4", "--no-report", "--no-analysis",
        "--out", home.resolve(name).toString());
    String console = run.console();
    assertThat(run.exit()).as(console).isZero();
  }

  private static long images() throws Exception {
    try (Engine engine = Engine.connect()) {
      return EngineTestSupport.imageCount(engine);
    }
  }
}
