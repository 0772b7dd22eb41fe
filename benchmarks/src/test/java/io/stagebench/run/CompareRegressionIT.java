package io.stagebench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.cli.Main;
import io.stagebench.engine.BuilderKind;
import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.FixtureLoader;
import io.stagebench.fixture.TinyFixture;
import io.stagebench.report.Comparison;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code stagebench compare} on real runs: a fresh run of the same fixture shows no size change,
 * and a run whose final image a test made larger fails with exit 1 and the regression first.
 */
class CompareRegressionIT {
  @RegisterExtension static final EngineRuns ENGINE = new EngineRuns();

  private static Path benchmark(Path home, Path out) throws Exception {
    Fixture tiny = FixtureLoader.load(home.resolve("fixtures/tiny"));
    String runId = ENGINE.newRun();
    String started = Instant.now().toString();
    BenchOptions o = new BenchOptions(List.of(), Optional.of(new LinkedHashSet<>(Set.of("multi"))), List.of(Scenario.WARM),
        List.of(BuilderKind.CLASSIC), 3, 1, 0, Shard.ALL, false);
    List<UnitResult> units = BenchRunner.plan(List.of(tiny), o);
    new BenchRunner(ENGINE.engine(), new RunScope(runId, TinyFixture.profile()), Files.createDirectories(home.resolve("work")), new BenchRunner.Listener() {
      @Override
      public void progress(BenchRunner.Position p) {}

      @Override
      public void line(String text) {}
    }).run(units, o);
    Report r = ReportMapper.toReport(new ReportMapper.RunInfo(runId, started, Instant.now().toString(), true, false, o, "test", null),
        Optional.of(ENGINE.engine().info()), TinyFixture.profile(), Map.of(), home, units);
    ReportStore.write(out, r);
    return out;
  }

  private static int compare(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void freshRunKeepsTheSizeAndALargerImageFails(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("home");
    TinyFixture.write(home.resolve("fixtures"));
    Path baseline = benchmark(home, tmp.resolve("baseline.json"));
    Path fresh = benchmark(home, tmp.resolve("fresh.json"));

    Path bigger = tmp.resolve("bigger");
    Path dockerfile = TinyFixture.write(bigger.resolve("fixtures")).resolve("Dockerfile.multi");
    // The injected regression: 3 MB of build residue copied into the runtime image.
    Files.writeString(dockerfile, Files.readString(dockerfile).replace(
        "COPY --from=build /out-app /usr/local/bin/app", "COPY --from=build /out-app /usr/local/bin/app\nCOPY --from=build /residue.bin /residue.bin"));
    Path regressed = benchmark(bigger, tmp.resolve("bigger.json"));

    Comparison.Result same = Comparison.compare(ReportStore.read(baseline), ReportStore.read(fresh), Comparison.Thresholds.DEFAULT);
    assertThat(same.sizes()).singleElement().satisfies(s -> assertThat(s.deltaBytes()).isZero());
    assertThat(same.sizeRegressions()).isEmpty();
    assertThat(same.statusRegressions()).isEmpty();
    assertThat(same.times()).singleElement().satisfies(t -> assertThat(t.p()).isNotNull());
    // Times on a shared machine are not asserted here: the t-test's behaviour is ComparisonTest's.

    Comparison.Result worse = Comparison.compare(ReportStore.read(baseline), ReportStore.read(regressed), Comparison.Thresholds.DEFAULT);
    assertThat(worse.sizeRegressions()).singleElement().satisfies(s -> {
      assertThat(s.unit()).isEqualTo("tiny/multi [classic]");
      assertThat(s.deltaBytes()).isBetween(3_000_000L, 3_100_000L);
    });
    assertThat(compare("compare", baseline.toString(), regressed.toString())).isEqualTo(1);
    assertThat(compare("compare", baseline.toString(), regressed.toString(), "--max-size-increase", "50%", "--min-time-delta", "1m")).isZero();
  }
}
