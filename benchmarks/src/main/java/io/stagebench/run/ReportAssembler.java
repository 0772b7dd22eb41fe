package io.stagebench.run;

import io.stagebench.bases.Profile;
import io.stagebench.fixture.Fixture;
import io.stagebench.engine.EngineInfo;
import io.stagebench.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Translates the harness's results into the report template ({@link Report}). */
public final class ReportAssembler {
  /** What the report says about the run besides the units. */
  public record RunInfo(
      String runId, String startedAt, String finishedAt, boolean complete, boolean interrupted,
      BenchOptions options, String toolVersion, String gitCommit) {}

  private ReportAssembler() {}

  public static Report assemble(
      RunInfo run, Optional<EngineInfo> engine, Profile profile, Map<String, String> baseImageIds,
      Path home, List<UnitResult> units) {
    return assemble(run, engine, profile, baseImageIds, home, units, Map.of());
  }

  /** @param calibration the engine's calibration build per builder ({@link EngineCalibration}), in ms */
  public static Report assemble(
      RunInfo run, Optional<EngineInfo> engine, Profile profile, Map<String, String> baseImageIds,
      Path home, List<UnitResult> units, Map<String, Long> calibration) {
    Report.Options opts = new Report.Options(
        run.options().fixtures(),
        run.options().variants().map(v -> v.stream().sorted().toList()).orElse(List.of()),
        run.options().scenarios().stream().map(Scenario::id).toList(),
        run.options().builders(),
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
          if (u.status().equals("failed")) {
            failures.add(new Report.Failure(f.name(), v.name(), u.builder(), null, u.reason().orElse("failed")));
          }
        }
        variants.add(new Report.VariantResult(v.name(), v.dockerfile(), v.pattern(), v.target().orElse(null),
            v.production(), VariantFiles.lint(f, v, profile), builds));
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

  private static Map<String, String> builders(EngineInfo e) {
    Map<String, String> b = new LinkedHashMap<>();
    b.put(e.classicBuilder().id(), e.product() + ": " + e.classicBuilder().description());
    if (e.buildKit()) {
      b.put("buildkit", "engine " + e.version() + " (built-in BuildKit, /build?version=2)");
    }
    return b;
  }

  static String relative(Path home, Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    Path h = home.toAbsolutePath().normalize();
    return abs.startsWith(h) ? h.relativize(abs).toString().replace('\\', '/') : dir.getFileName().toString();
  }

  private static Report.BuildResultJson build(UnitResult u) {
    Report.Image image = u.imageId().map(id -> new Report.Image(id, u.sizeBytes(), u.compressedBytes().orElse(null), u.layerCount(),
        u.layers().stream().map(l -> new Report.Layer(null, l.sizeBytes(), l.createdBy(), l.origin(), l.line())).toList(),
        u.analysis().orElse(null), u.compressedSource().orElse(null), u.engineSizeBytes().orElse(null))).orElse(null);
    Map<Scenario, List<io.stagebench.engine.BuildStep>> steps = u.lastSteps();
    Report.Smoke smoke = u.smoke().map(s -> new Report.Smoke(s.passed(), s.passed() ? s.millisUntilHealthy() : null, s.detail())).orElse(null);
    Map<String, Report.ScenarioResult> scenarios = new LinkedHashMap<>();
    for (Scenario s : Scenario.values()) {
      List<UnitResult.Sample> samples = u.samples().get(s);
      if (samples != null && !samples.isEmpty()) {
        Stats st = Stats.of(samples.stream().map(UnitResult.Sample::wallMillis).toList());
        scenarios.put(s.id(), new Report.ScenarioResult(
            samples.stream().map(x -> new Report.Sample(x.wallMillis(), x.stepsTotal(), x.stepsCached(), x.stepsExecuted())).toList(),
            new Report.Stats(st.mean(), st.stddev(), st.median(), st.min(), st.max(), st.n()), null,
            steps.containsKey(s) ? steps.get(s).stream()
                .map(x -> new Report.Step(x.name(), x.durationMillis(), x.status() == io.stagebench.engine.BuildStep.Status.CACHED))
                .toList() : null));
      } else if (u.skippedScenarios().containsKey(s)) {
        scenarios.put(s.id(), new Report.ScenarioResult(List.of(), null, u.skippedScenarios().get(s)));
      }
    }
    return new Report.BuildResultJson(u.builder(), u.status(), u.reason().orElse(null),
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
          .filter(x -> x.variant().name().equals("single") && x.builder().equals(u.builder()) && x.imageId().isPresent())
          .findFirst();
      if (single.isEmpty()) {
        continue;
      }
      long reduction = single.get().sizeBytes() - u.sizeBytes();
      Map<String, Double> ratios = new LinkedHashMap<>();
      for (Scenario s : Scenario.values()) {
        List<UnitResult.Sample> a = u.samples().get(s);
        List<UnitResult.Sample> b = single.get().samples().get(s);
        if (a != null && b != null && !a.isEmpty() && !b.isEmpty()) {
          double ma = Stats.of(a.stream().map(UnitResult.Sample::wallMillis).toList()).mean();
          double mb = Stats.of(b.stream().map(UnitResult.Sample::wallMillis).toList()).mean();
          if (mb > 0) {
            ratios.put(s.id(), Math.round(ma / mb * 1000) / 1000.0);
          }
        }
      }
      out.add(new Report.Comparison(u.variant().name(), u.builder(), reduction,
          single.get().sizeBytes() == 0 ? 0 : Math.round(1000.0 * reduction / single.get().sizeBytes()) / 10.0,
          single.get().layerCount(), u.layerCount(), ratios));
    }
    return out;
  }
}
