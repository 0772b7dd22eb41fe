package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs at once on one engine: both complete, each with its own images, and neither leaves anything behind. */
class ConcurrentRunsIT {
  @Test
  void twoRunsOnOneEngineDoNotTouchEachOther(@TempDir Path a, @TempDir Path b) throws Exception {
    SlowFixture.write(a, 3);
    SlowFixture.write(b, 3);
    Process pa = SlowFixture.stagebench(a, "bench", "--fixtures", "slow", "--builder", "both", "--profile", "offline",
        "--scenarios", "cold,warm,source-edit", "--reps", "2", "--no-report", "--out", a.resolve("out").toString()).start();
    Process pb = SlowFixture.stagebench(b, "bench", "--fixtures", "slow", "--builder", "both", "--profile", "offline",
        "--scenarios", "cold,warm,source-edit", "--reps", "2", "--no-report", "--out", b.resolve("out").toString()).start();
    CompletableFuture<String> la = CompletableFuture.supplyAsync(() -> read(pa));
    CompletableFuture<String> lb = CompletableFuture.supplyAsync(() -> read(pb));
    assertThat(pa.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(pb.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(pa.exitValue()).as(la.get()).isZero();
    assertThat(pb.exitValue()).as(lb.get()).isZero();

    Report ra = ReportStore.read(a.resolve("out/report.json"));
    Report rb = ReportStore.read(b.resolve("out/report.json"));
    assertThat(ra.run().id()).isNotEqualTo(rb.run().id());
    for (Report r : new Report[] {ra, rb}) {
      assertThat(r.run().complete()).isTrue();
      assertThat(r.failures()).isEmpty();
      r.fixtures().get(0).variants().forEach(v -> v.builds().forEach(x -> {
        assertThat(x.status()).isEqualTo("ok");
        assertThat(x.scenarios().get("source-edit").samples()).hasSize(2);
      }));
    }
    try (Engine engine = Engine.connect()) {
      assertThat(new EngineCleaner(engine).runs()).doesNotContainKeys(ra.run().id(), rb.run().id());
    }
  }

  private static String read(Process p) {
    try {
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
