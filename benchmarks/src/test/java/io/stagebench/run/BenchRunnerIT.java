package io.stagebench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.BuildStep;
import io.stagebench.engine.BuilderKind;
import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.FixtureLoader;
import io.stagebench.fixture.TinyFixture;
import io.stagebench.report.Report;
import io.stagebench.report.ReportSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The harness against the real engine on a tiny fixture. */
class BenchRunnerIT {
  @RegisterExtension static final EngineRuns ENGINE = new EngineRuns();

  @Test
  void measuresEveryScenarioRecordsFailuresAndSkipsWhatTheBuilderCannotDo(@TempDir Path tmp) throws Exception {
    Path dir = TinyFixture.write(tmp.resolve("fixtures"));
    Fixture tiny = FixtureLoader.load(dir);
    String before = Files.readString(dir.resolve("src/app.sh"));
    String runId = ENGINE.newRun();
    BenchOptions o = new BenchOptions(List.of(), Optional.empty(), Scenario.all(), List.of(BuilderKind.CLASSIC, BuilderKind.BUILDKIT), 2, 1, 0, Shard.ALL, false);
    List<UnitResult> units = BenchRunner.plan(List.of(tiny), o);
    List<String> lines = new ArrayList<>();
    new BenchRunner(ENGINE.engine(), new RunScope(runId, TinyFixture.profile()), Files.createDirectories(tmp.resolve("work")), new BenchRunner.Listener() {
      @Override
      public void progress(BenchRunner.Position p) {
        assertThat(p.done()).isLessThan(p.total());
      }

      @Override
      public void line(String text) {
        lines.add(text);
      }
    }).run(units, o);

    for (BuilderKind b : List.of(BuilderKind.CLASSIC, BuilderKind.BUILDKIT)) {
      UnitResult single = unit(units, "single", b);
      UnitResult multi = unit(units, "multi", b);
      assertThat(single.status()).as(b.id()).isEqualTo(UnitStatus.OK);
      assertThat(multi.status()).as(b.id()).isEqualTo(UnitStatus.OK);
      assertThat(single.smoke().orElseThrow().passed()).isTrue();
      assertThat(multi.smoke().orElseThrow().passed()).isTrue();
      // Sizes are the engine's own figures.
      assertThat(single.sizeBytes()).isEqualTo(ENGINE.engine().images().inspect(single.imageId().orElseThrow()).orElseThrow().sizeBytes());
      assertThat(multi.sizeBytes()).isEqualTo(ENGINE.engine().images().inspect(multi.imageId().orElseThrow()).orElseThrow().sizeBytes());
      assertThat(multi.sizeBytes()).isLessThan(single.sizeBytes());
      // The base image's layers are recognised; the residue layer is the single image's own.
      assertThat(single.layers()).anyMatch(UnitResult.LayerFact::base);
      assertThat(single.layers().stream().filter(l -> !l.base()).mapToLong(UnitResult.LayerFact::sizeBytes).sum()).isGreaterThan(3_000_000);
      // Stage attribution: single's residue RUN is line 5 of the final stage; multi's app comes from the build stage.
      assertThat(single.layers()).anyMatch(l -> l.origin().equals("final") && Integer.valueOf(5).equals(l.line()) && l.sizeBytes() >= 3_000_000);
      assertThat(multi.layers()).anyMatch(l -> l.origin().equals("stage:build") && Integer.valueOf(10).equals(l.line()));
      assertThat(multi.layers()).noneMatch(l -> l.sizeBytes() >= 3_000_000 && !l.base());
      // Each final image is exported and analysed; the context size is the tar actually sent.
      for (UnitResult u : List.of(single, multi)) {
        assertThat(u.compressed()).as(b + " compressed size").hasValueSatisfying(c -> assertThat(c.bytes()).isPositive());
        assertThat(u.analysis()).as(b + " analysis").hasValueSatisfying(a -> {
          assertThat(a.efficiency()).isBetween(0.0, 1.0);
          assertThat(a.wastedBytes()).isNotNegative();
          assertThat(a.brokenBinaries()).isZero();
        });
        assertThat(u.contextBytes()).as(b + " context").isPositive().matches(x -> x % 512 == 0, "a whole number of tar blocks");
      }
      // Steps are the filesystem instructions (WORKDIR, COPY, RUN, ADD): single has 5, multi 5 + COPY --from.
      Map<UnitResult, Integer> steps = Map.of(single, 5, multi, 6);
      for (UnitResult u : List.of(single, multi)) {
        assertThat(u.samples().get(Scenario.COLD)).hasSize(1).allMatch(x -> x.stepsTotal() == steps.get(u));
        // without cache every COPY and RUN runs (BuildKit 20.10 still takes WORKDIR from its cache)
        assertThat(u.samples().get(Scenario.COLD).get(0).stepsExecuted()).isBetween(steps.get(u) - 1, steps.get(u));
        assertThat(u.samples().get(Scenario.WARM)).hasSize(2)
            .allMatch(x -> x.stepsExecuted() == 0 && x.stepsTotal() == steps.get(u), b + ": warm executes nothing");
        assertThat(u.samples().get(Scenario.SOURCE_EDIT)).hasSize(2);
        assertThat(u.lastSteps().get(Scenario.WARM)).as(b + ": the warm steps, each cached")
            .hasSize(steps.get(u)).allMatch(x -> x.status() == BuildStep.Status.CACHED);
        assertThat(u.samples().get(Scenario.DEPS_EDIT)).hasSize(2);
        // The source edit keeps exactly the steps before the source COPY: WORKDIR, COPY deps, RUN.
        assertThat(u.samples().get(Scenario.SOURCE_EDIT))
            .allMatch(x -> x.stepsCached() == 3 && x.stepsExecuted() == steps.get(u) - 3, b + ": source edit");
      }
      // The deps edit keeps only WORKDIR in single; in multi the runtime stage's COPY --from stays
      // cached too, because the artifact it copies did not change.
      assertThat(single.samples().get(Scenario.DEPS_EDIT)).allMatch(x -> x.stepsCached() == 1 && x.stepsExecuted() == 4);
      assertThat(multi.samples().get(Scenario.DEPS_EDIT)).allMatch(x -> x.stepsCached() == 2 && x.stepsExecuted() == 4);
      UnitResult broken = unit(units, "broken", b);
      assertThat(broken.status()).isEqualTo(UnitStatus.FAILED);
      assertThat(String.join("\n", broken.logTail())).contains("tiny-broken");
      // RUN --mount=type=secret: classic lacks the syntax, BuildKit through the API lacks the session
      UnitResult secret = unit(units, "secret", b);
      assertThat(secret.status()).isEqualTo(UnitStatus.SKIPPED);
      assertThat(secret.reason().orElseThrow()).contains(b == BuilderKind.CLASSIC ? "needs BuildKit" : "client session");
    }
    UnitResult cache = unit(units, "multi-cache", BuilderKind.CLASSIC);
    assertThat(cache.status()).isEqualTo(UnitStatus.SKIPPED);
    assertThat(cache.reason().orElseThrow()).contains("needs buildkit");
    UnitResult cacheBk = unit(units, "multi-cache", BuilderKind.BUILDKIT);
    assertThat(cacheBk.status()).isEqualTo(UnitStatus.OK);
    assertThat(cacheBk.samples().get(Scenario.WARM)).allMatch(x -> x.stepsExecuted() == 0 && x.stepsTotal() == 2);
    UnitResult single = unit(units, "single", BuilderKind.CLASSIC);
    UnitResult multi = unit(units, "multi", BuilderKind.CLASSIC);
    assertThat(Files.readString(dir.resolve("src/app.sh"))).as("the fixture is never edited").isEqualTo(before);

    Report r = ReportMapper.toReport(new ReportMapper.RunInfo(runId, "2026-11-27T08:00:00Z", "2026-11-27T08:05:00Z", true, false, o, "test", null),
        Optional.of(ENGINE.engine().info()), TinyFixture.profile(), Map.of(), tmp, units);
    assertThat(ReportSchema.problems(r)).as("the report conforms to reports/schema/report.schema.json").isEmpty();
    assertThat(r.failures()).hasSize(2).allSatisfy(f -> assertThat(f.variant()).isEqualTo("broken"));
    Report.Comparison cmp = r.fixtures().get(0).comparisons().stream().filter(c -> c.variant().equals("multi")).findFirst().orElseThrow();
    assertThat(cmp.sizeReductionBytes()).isEqualTo(single.sizeBytes() - multi.sizeBytes());
    assertThat(cmp.timeRatios()).containsKeys("cold", "warm", "source-edit", "deps-edit");
    assertThat(r.fixtures().get(0).path()).isEqualTo("fixtures/tiny");
    Report.BuildResultJson singleJson = r.fixtures().get(0).variants().stream().filter(v -> v.name().equals("single"))
        .findFirst().orElseThrow().builds().get(0);
    UnitResult.AnalysisFacts a = single.analysis().orElseThrow();
    assertThat(singleJson.image().analysis()).isEqualTo(new Report.Analysis(a.efficiency(), a.wastedBytes(), a.recoverableBytes(),
        a.residueBytes(), a.residue(), a.brokenBinaries()));
    assertThat(singleJson.image().compressedBytes()).isEqualTo(single.compressed().orElseThrow().bytes());
    assertThat(singleJson.contextBytes()).isEqualTo(single.contextBytes());
    assertThat(singleJson.scenarios().get("warm").steps()).hasSize(5).allMatch(Report.Step::cached);
  }

  private static UnitResult unit(List<UnitResult> units, String variant, BuilderKind builder) {
    return units.stream().filter(u -> u.variant().name().equals(variant) && u.builder() == builder).findFirst().orElseThrow();
  }

  static Set<String> names(List<UnitResult> units) {
    return Set.copyOf(units.stream().map(u -> u.variant().name()).toList());
  }
}
