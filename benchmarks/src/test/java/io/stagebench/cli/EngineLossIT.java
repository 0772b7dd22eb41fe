package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine disappears mid-run (dockerd stopped during a build): exit 3 with the partial report
 * written; once the engine is back, {@code bench --resume} finishes the same run into one complete
 * report, keeping what was measured. Runs in its own Failsafe execution, after every other IT,
 * because it stops the machine's engine (and starts it again with scripts/docker-engine).
 */
class EngineLossIT {
  @Test
  void anEngineThatGoesAwayLeavesAResumableRun(@TempDir Path home) throws Exception {
    SlowFixture.write(home, 40);
    Path out = home.resolve("out");
    Process p = SlowFixture.stagebench(home, "bench", "--fixtures", "slow", "--builder", "classic", "--profile", "offline",
        "--scenarios", "cold,warm", "--reps", "1", "--no-report", "--out", out.toString()).start();
    String seen = SlowFixture.readUntil(p, "slow/slow [classic] cold");
    assertThat(seen).contains("slow/single [classic]");
    Thread.sleep(4000); // in the RUN sleep step now
    stopEngine();
    String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    try {
      assertThat(p.exitValue()).as(seen + rest).isEqualTo(3);
      assertThat(rest).contains("engine went away", "--resume");
      Report partial = ReportStore.read(out.resolve("report.json"));
      assertThat(partial.run().complete()).isFalse();
      Report.BuildResultJson fastBefore = unit(partial, "single");
      assertThat(fastBefore.scenarios().get("cold").samples()).hasSize(1);
      assertThat(unit(partial, "slow").status()).isEqualTo("failed");
    } finally {
      startEngine();
    }
    Report partial = ReportStore.read(out.resolve("report.json"));
    long coldBefore = unit(partial, "single").scenarios().get("cold").samples().get(0).wallMillis();

    Process resume = SlowFixture.stagebench(home, "bench", "--resume", out.toString(), "--no-report").start();
    String log = new String(resume.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(resume.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(resume.exitValue()).as(log).isZero();
    assertThat(log).contains("resuming run " + partial.run().id());
    Report done = ReportStore.read(out.resolve("report.json"));
    assertThat(done.run().complete()).isTrue();
    assertThat(done.failures()).isEmpty();
    // The fast unit's cold sample is the one measured before the engine went away.
    assertThat(unit(done, "single").scenarios().get("cold").samples()).hasSize(1);
    assertThat(unit(done, "single").scenarios().get("cold").samples().get(0).wallMillis()).isEqualTo(coldBefore);
    assertThat(unit(done, "slow").status()).isEqualTo("ok");
    assertThat(unit(done, "slow").scenarios().get("warm").samples()).hasSize(1);
    // Nothing of either attempt is left: the first could not clean up with the engine gone.
    try (Engine engine = Engine.connect()) {
      assertThat(new EngineCleaner(engine).runs().keySet())
          .doesNotContain(partial.run().id(), done.run().id());
    }
  }

  private static Report.BuildResultJson unit(Report r, String variant) {
    return r.fixtures().get(0).variants().stream().filter(v -> v.name().equals(variant)).findFirst().orElseThrow()
        .builds().get(0);
  }

  private static void stopEngine() throws Exception {
    String pid = Files.readString(Path.of("/var/run/docker.pid")).strip();
    new ProcessBuilder("kill", "-TERM", pid).inheritIO().start().waitFor();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Files.exists(Path.of("/proc", pid)) && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertThat(Files.exists(Path.of("/proc", pid))).as("dockerd stopped").isFalse();
  }

  private static void startEngine() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    Process s = new ProcessBuilder(root.resolve("scripts/docker-engine").toString()).inheritIO().start();
    assertThat(s.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(s.exitValue()).isZero();
  }
}
