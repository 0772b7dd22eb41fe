package io.stagebench.run;

import io.stagebench.bases.Profile;
import io.stagebench.engine.BuildStep;
import io.stagebench.engine.BuilderKind;
import io.stagebench.engine.EngineInfo;
import io.stagebench.fixture.Fixture;
import io.stagebench.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one translation between a run's results ({@link UnitResult}) and the report ({@link Report}),
 * both ways: {@link #toReport} writes them, {@link #restore} and {@link #options} read an
 * interrupted run's report back for {@code bench --resume}.
 */
public final class ReportMapper {
  /** What the report says about the run besides the units. */
  public record RunInfo(
      String runId, String startedAt, String finishedAt, boolean complete, boolean interrupted,
      BenchOptions options, String toolVersion, String gitCommit) {}

  private ReportMapper() {}

  public static Report toReport(
      RunInfo run, Optional<EngineInfo> engine, Profile profile, Map<String, String> baseImageIds,
      Path home, List<UnitResult> units) {
    return toReport(run, engine, profile, baseImageIds, home, units, Map.of(), new VariantLints(profile));
  }

  /**
   * @param calibration the engine's calibration build per builder ({@link EngineCalibration}), in ms
   * @param lints the variants' lint findings, kept across the reports of one run
   */
  static Report toReport(
      RunInfo run, Optional<EngineInfo> engine, Profile profile, Map<String, String> baseImageIds,
      Path home, List<UnitResult> units, Map<String, Long> calibration, VariantLints lints) {
    Report.Options opts = new Report.Options(
        run.options().fixtures(),
        run.options().variants().map(v -> v.stream().sorted().toList()).orElse(List.of()),
        run.options().scenarios().stream().map(Scenario::id).toList(),
        run.options().builders().stream().map(BuilderKind::id).toList(),
        run.options().reps(),
        run.options().warmup(),
        run.options().shard().toString());
    Report.Engine eng = engine.map(e -> new Report.Engine(e.version(), e.apiVersion(), e.storageDriver(), e.os(),
        e.architecture(), builders(e), e.kind().id(), e.imageStore().id(), e.negotiatedApiVersion(),
        e.imageStore().sizeMeaning(), e.registryMirrors().isEmpty() ? null : e.registryMirrors(),
        calibration.isEmpty() ? null : new Report.Calibration(EngineCalibration.DESCRIPTION, new LinkedHashMap<>(calibration))))
        .orElse(null);
    Report.Host host = new Report.Host(engine.map(EngineInfo::cpus).orElse(Runtime.getRuntime().availableProcessors()),
        engine.map(EngineInfo::memoryBytes).orElse(0L), System.getProperty("java.version"));
    Map<String, Report.BaseImage> bases = new LinkedHashMap<>();
    profile.buildArgs().forEach((arg, image) -> bases.put(arg, new Report.BaseImage(image, baseImageIds.get(image))));
    List<Report.FixtureResult> fixtures = new ArrayList<>();
    List<Report.Failure> failures = new ArrayList<>();
    for (Fixture f : units.stream().map(UnitResult::fixture).distinct().toList()) {
      List<Report.VariantResult> variants = new ArrayList<>();
      for (Fixture.Variant v : units.stream().filter(u -> u.fixture() == f).map(UnitResult::variant).distinct().toList()) {
        List<Report.BuildResultJson> builds = new ArrayList<>();
        for (UnitResult u : units.stream().filter(x -> x.fixture() == f && x.variant() == v).toList()) {
          builds.add(build(u));
          if (u.status() == UnitStatus.FAILED) {
            failures.add(new Report.Failure(f.name(), v.name(), u.builder().id(), null, u.reason().orElse("failed")));
          }
        }
        variants.add(new Report.VariantResult(v.name(), v.dockerfile(), v.pattern(), v.target().orElse(null),
            v.production(), lints.of(f, v), builds));
      }
      fixtures.add(new Report.FixtureResult(f.name(), relative(home, f.dir()), f.language(), f.description(),
          variants, comparisons(units.stream().filter(u -> u.fixture() == f).toList())));
    }
    return new Report(Report.SCHEMA_VERSION,
        new Report.Tool("stagebench", run.toolVersion(), run.gitCommit()),
        new Report.Run(run.runId(), run.startedAt(), run.finishedAt(), run.complete(), run.interrupted(), opts),
        new Report.Environment(eng, host, profile.name(), bases),
        fixtures, failures);
  }

  /**
   * The planned units, with what an earlier run measured taken from its report: finished units
   * (ok, skipped) are kept whole; units it was still measuring keep their samples and get the rest;
   * failed units (the engine going away fails the build in flight) are measured again.
   */
  public static List<UnitResult> restore(List<UnitResult> planned, Report earlier) {
    List<UnitResult> out = new ArrayList<>();
    for (UnitResult u : planned) {
      Optional<Report.BuildResultJson> done = earlier.fixtures().stream()
          .filter(f -> f.name().equals(u.fixture().name()))
          .flatMap(f -> f.variants().stream())
          .filter(v -> v.name().equals(u.variant().name()))
          .flatMap(v -> v.builds().stream())
          .filter(b -> b.builder().equals(u.builder().id()) && !b.status().equals(UnitStatus.FAILED.id()))
          .findFirst();
      out.add(done.map(b -> unit(u.fixture(), u.variant(), b)).orElse(u));
    }
    return out;
  }

  /**
   * The options an earlier run recorded, for resuming it; {@code coldReps} and {@code keepImages}
   * are not in the report and come from the command line.
   *
   * @throws IllegalArgumentException when the report's options are not usable
   */
  public static BenchOptions options(Report earlier, int coldReps, boolean keepImages) {
    Report.Options o = earlier.run().options();
    return new BenchOptions(o.fixtures(), o.variants() == null || o.variants().isEmpty() ? Optional.empty()
        : Optional.of(new LinkedHashSet<>(o.variants())), o.scenarios().stream().map(Scenario::of).toList(),
        o.builders().stream().map(BuilderKind::parse).toList(), o.reps(), coldReps, o.warmup(), Shard.parse(o.shard()),
        keepImages);
  }

  /** A unit as a report recorded it: status, image, layers, smoke check, samples, skipped scenarios. */
  static UnitResult unit(Fixture f, Fixture.Variant v, Report.BuildResultJson b) {
    UnitResult u = new UnitResult(f, v, BuilderKind.parse(b.builder()));
    u.restoreOutcome(UnitStatus.of(b.status()), Optional.ofNullable(b.reason()),
        b.logTail() == null ? List.of() : b.logTail());
    Report.Image image = b.image();
    if (image != null && image.id() != null) {
      u.recordImage(new UnitResult.ImageRecord(image.id(), image.sizeBytes(), Optional.ofNullable(image.engineSizeBytes()),
          image.layerCount(), image.layers() == null ? List.of() : image.layers().stream()
              .map(l -> new UnitResult.LayerFact(l.createdBy(), l.sizeBytes(), "base".equals(l.origin()), l.origin(), l.line()))
              .toList()));
      Optional<UnitResult.Compressed> compressed = Optional.ofNullable(image.compressedBytes())
          .map(c -> new UnitResult.Compressed(c, image.compressedSource()));
      Report.Analysis a = image.analysis();
      if (a != null) {
        u.recordAnalysis(new UnitResult.AnalysisFacts(a.efficiency(), a.wastedBytes(), a.recoverableBytes(),
            a.residueBytes(), a.residue() == null ? List.of() : a.residue(), a.brokenBinaries()), compressed);
      } else {
        u.recordCompressed(compressed);
      }
    }
    u.recordContext(b.contextBytes() == null ? 0 : b.contextBytes());
    if (b.smoke() != null) {
      u.recordSmoke(new SmokeCheck.Result(b.smoke().passed(),
          b.smoke().millisUntilHealthy() == null ? 0 : b.smoke().millisUntilHealthy(), b.smoke().detail()));
    }
    if (b.scenarios() != null) {
      b.scenarios().forEach((id, sr) -> {
        Scenario s = Scenario.of(id);
        if (sr.skipped() != null) {
          u.skipScenario(s, sr.skipped());
        }
        List<BuildStep> steps = sr.steps() == null ? null : sr.steps().stream()
            .map(x -> new BuildStep(x.name(), x.millis(), x.cached() ? BuildStep.Status.CACHED : BuildStep.Status.EXECUTED))
            .toList();
        if (sr.samples() != null) {
          sr.samples().forEach(x -> u.recordSample(s, new UnitResult.Sample(x.wallMillis(), x.stepsTotal(), x.stepsCached()), null));
        }
        if (steps != null) {
          u.recordSteps(s, steps);
        }
      });
    }
    return u;
  }

  private static Map<String, String> builders(EngineInfo e) {
    Map<String, String> b = new LinkedHashMap<>();
    b.put(e.classicBuilder().id(), e.product() + ": " + e.classicBuilder().description());
    if (e.buildKit()) {
      b.put(BuilderKind.BUILDKIT.id(), "engine " + e.version() + " (built-in BuildKit, /build?version=2)");
    }
    return b;
  }

  static String relative(Path home, Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    Path h = home.toAbsolutePath().normalize();
    return abs.startsWith(h) ? h.relativize(abs).toString().replace('\\', '/') : dir.getFileName().toString();
  }

  private static Report.BuildResultJson build(UnitResult u) {
    Report.Image image = u.image().map(i -> new Report.Image(i.id(), i.sizeBytes(),
        u.compressed().map(UnitResult.Compressed::bytes).orElse(null), i.layerCount(),
        i.layers().stream().map(l -> new Report.Layer(null, l.sizeBytes(), l.createdBy(), l.origin(), l.line())).toList(),
        u.analysis().map(a -> new Report.Analysis(a.efficiency(), a.wastedBytes(), a.recoverableBytes(), a.residueBytes(),
            a.residue(), a.brokenBinaries())).orElse(null),
        u.compressed().map(UnitResult.Compressed::source).orElse(null), i.engineSizeBytes().orElse(null))).orElse(null);
    Map<Scenario, List<BuildStep>> steps = u.lastSteps();
    Report.Smoke smoke = u.smoke().map(s -> new Report.Smoke(s.passed(), s.passed() ? s.millisUntilHealthy() : null, s.detail())).orElse(null);
    Map<String, Report.ScenarioResult> scenarios = new LinkedHashMap<>();
    Map<Scenario, List<UnitResult.Sample>> all = u.samples();
    Map<Scenario, String> skipped = u.skippedScenarios();
    for (Scenario s : Scenario.values()) {
      List<UnitResult.Sample> samples = all.get(s);
      if (samples != null && !samples.isEmpty()) {
        Stats st = Stats.of(samples.stream().map(UnitResult.Sample::wallMillis).toList());
        scenarios.put(s.id(), new Report.ScenarioResult(
            samples.stream().map(x -> new Report.Sample(x.wallMillis(), x.stepsTotal(), x.stepsCached(), x.stepsExecuted())).toList(),
            new Report.Stats(st.mean(), st.stddev(), st.median(), st.min(), st.max(), st.n()), null,
            steps.containsKey(s) ? steps.get(s).stream()
                .map(x -> new Report.Step(x.name(), x.durationMillis(), x.status() == BuildStep.Status.CACHED))
                .toList() : null));
      } else if (skipped.containsKey(s)) {
        scenarios.put(s.id(), new Report.ScenarioResult(List.of(), null, skipped.get(s)));
      }
    }
    return new Report.BuildResultJson(u.builder().id(), u.status().id(), u.reason().orElse(null),
        u.logTail().isEmpty() ? null : u.logTail(), image, smoke, scenarios.isEmpty() ? null : scenarios,
        u.contextBytes() > 0 ? u.contextBytes() : null);
  }

  private static List<Report.Comparison> comparisons(List<UnitResult> units) {
    List<Report.Comparison> out = new ArrayList<>();
    for (UnitResult u : units) {
      if (u.variant().name().equals("single") || u.imageId().isEmpty()) {
        continue;
      }
      Optional<UnitResult> single = units.stream()
          .filter(x -> x.variant().name().equals("single") && x.builder() == u.builder() && x.imageId().isPresent())
          .findFirst();
      if (single.isEmpty()) {
        continue;
      }
      long reduction = single.get().sizeBytes() - u.sizeBytes();
      Map<String, Double> ratios = new LinkedHashMap<>();
      Map<Scenario, List<UnitResult.Sample>> mine = u.samples();
      Map<Scenario, List<UnitResult.Sample>> theirs = single.get().samples();
      for (Scenario s : Scenario.values()) {
        List<UnitResult.Sample> a = mine.get(s);
        List<UnitResult.Sample> b = theirs.get(s);
        if (a != null && b != null && !a.isEmpty() && !b.isEmpty()) {
          double ma = Stats.of(a.stream().map(UnitResult.Sample::wallMillis).toList()).mean();
          double mb = Stats.of(b.stream().map(UnitResult.Sample::wallMillis).toList()).mean();
          if (mb > 0) {
            ratios.put(s.id(), Math.round(ma / mb * 1000) / 1000.0);
          }
        }
      }
      out.add(new Report.Comparison(u.variant().name(), u.builder().id(), reduction,
          single.get().sizeBytes() == 0 ? 0 : Math.round(1000.0 * reduction / single.get().sizeBytes()) / 10.0,
          single.get().layerCount(), u.layerCount(), ratios));
    }
    return out;
  }
}
