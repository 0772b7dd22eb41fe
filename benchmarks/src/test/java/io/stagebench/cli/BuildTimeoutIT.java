package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import io.stagebench.engine.EngineTestSupport;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stuck build ends at --build-timeout, is recorded as failed, and the run goes on. */
class BuildTimeoutIT {
  @Test
  void aBuildPastItsTimeoutIsStoppedRecordedAndTheRunGoesOn(@TempDir Path home) throws Exception {
    SlowFixture.write(home, 300);
    Path out = home.resolve("out");
    long start = System.nanoTime();
    Process p = SlowFixture.stagebench(home, "bench", "--fixtures", "slow", "--builder", "both", "--profile", "offline",
        "--scenarios", "cold,warm", "--reps", "1", "--build-timeout", "8s", "--no-report", "--out", out.toString()).start();
    String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(4, TimeUnit.MINUTES)).isTrue();
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    assertThat(p.exitValue()).as(console).isEqualTo(4);
    // Two builds of 300 s each were stopped after 8 s: far from 600 s.
    assertThat(seconds).isLessThan(150);

    Report r = ReportStore.read(out.resolve("report.json"));
    assertThat(r.run().complete()).isTrue();
    List<Report.BuildResultJson> slow = r.fixtures().get(0).variants().stream()
        .filter(v -> v.name().equals("slow")).findFirst().orElseThrow().builds();
    assertThat(slow).hasSize(2).allSatisfy(b -> {
      assertThat(b.status()).isEqualTo("failed");
      assertThat(b.reason()).contains("timed out after 8 s");
    });
    List<Report.BuildResultJson> fast = r.fixtures().get(0).variants().stream()
        .filter(v -> v.name().equals("single")).findFirst().orElseThrow().builds();
    assertThat(fast).hasSize(2).allSatisfy(b -> {
      assertThat(b.status()).isEqualTo("ok");
      assertThat(b.scenarios().get("warm").samples()).hasSize(1);
    });

    try (Engine engine = Engine.connect()) {
      // The stopped builds' containers do not linger.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<String> left;
      do {
        left = EngineTestSupport.containersRunning(engine, "sleep 300");
        if (!left.isEmpty()) {
          Thread.sleep(1000);
        }
      } while (!left.isEmpty() && System.nanoTime() < deadline);
      assertThat(left).as("containers of the stopped builds").isEmpty();
      assertThat(new EngineCleaner(engine).runs()).doesNotContainKey(r.run().id());
    }
  }
}
