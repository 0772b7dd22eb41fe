package io.stagebench.cli;

import io.stagebench.StagebenchException;
import io.stagebench.StagebenchException.Category;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineInfo;
import io.stagebench.bases.BaseImages;
import io.stagebench.run.BenchOptions;
import io.stagebench.run.BenchRunner;
import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.AdHocFixture;
import io.stagebench.bases.Profile;
import io.stagebench.bases.Profiles;
import io.stagebench.run.ReportAssembler;
import io.stagebench.run.RunCleanup;
import io.stagebench.run.RunIds;
import io.stagebench.run.Scenario;
import io.stagebench.run.Shard;
import io.stagebench.bases.StagebenchHome;
import io.stagebench.run.UnitResult;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stagebench bench}: build every fixture variant and measure size and rebuild times. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Build fixture variants through the engine API and measure final size, layers and",
      "cold / warm / source-edit / deps-edit rebuild times; check each image works; write report.json.",
      "Without options: the default set (" + BenchCommand.DEFAULT_SET_DOC + ")."
    })
final class BenchCommand implements Callable<Integer> {
  static final String DEFAULT_SET_DOC = "go-static and python, every variant, both builders, 1 cold + 3 warm/edit samples; --fixtures all for every fixture";

  @Spec CommandSpec spec;

  /** What {@code stagebench bench} runs with no --fixtures: two patterns, both builders, under 15 minutes here. */
  static final List<String> DEFAULT_FIXTURES = List.of("go-static", "python");

  @Option(names = "--fixtures", split = ",", paramLabel = "NAME",
      description = "Fixtures to run, or 'all' (default: the default set go-static,python; with --fixtures-dir: those).")
  List<String> fixtures = new ArrayList<>();

  @Option(names = "--variants", split = ",", paramLabel = "NAME", description = "Only these variants.")
  List<String> variants;

  @Option(names = "--scenarios", split = ",", paramLabel = "S", defaultValue = "cold,warm,source-edit,deps-edit",
      description = "Scenarios in order (default: ${DEFAULT-VALUE}).")
  List<String> scenarios;

  @Option(names = "--builder", defaultValue = "both", paramLabel = "B",
      description = "classic, buildkit, buildah or both (default: ${DEFAULT-VALUE}). On Podman the classic "
          + "endpoint is Buildah's, so classic runs (and is reported as) buildah and buildkit is skipped.")
  String builder;

  @Option(names = "--reps", defaultValue = "3", description = "Samples per scenario other than cold (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(names = "--cold-reps", defaultValue = "1", description = "Samples of the cold scenario (default: ${DEFAULT-VALUE}).")
  int coldReps;

  @Option(names = "--warmup", defaultValue = "0", description = "Discarded samples before each scenario (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--profile", defaultValue = "auto", description = "auto, hub or offline (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: reports/runs/<run-id>).")
  Path out;

  @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1", description = "Measure the I-th of N slices of the units.")
  String shard;

  @Option(names = "--fixtures-dir", paramLabel = "DIR", description = FixtureSelection.FIXTURES_DIR_DOC)
  List<Path> fixturesDirs = new ArrayList<>();

  @Option(names = "--context", paramLabel = "DIR",
      description = "Ad hoc, no manifest: the build context of your project (use with --variant).")
  Path context;

  @Option(names = "--variant", paramLabel = "NAME=DOCKERFILE[:TARGET]",
      description = "Ad hoc: a variant to build, Dockerfile relative to --context; repeatable. Name one \"single\" to compare the others with it.")
  List<String> adHocVariants = new ArrayList<>();

  @Option(names = "--source-edit", paramLabel = "FILE", description = "Ad hoc: a source file in the context; source-edit appends a comment to it.")
  Path sourceEdit;

  @Option(names = "--deps-edit", paramLabel = "FILE", description = "Ad hoc: the dependency manifest in the context that deps-edit changes.")
  Path depsEdit;

  @Option(names = "--build-arg", paramLabel = "K=V", description = "Ad hoc: a build arg for every variant; repeatable.")
  Map<String, String> buildArgs = new LinkedHashMap<>();

  @Option(names = "--no-analysis", description = "Do not export and analyse each final image (compressed size, waste, residue, broken binaries); saves about a docker save per unit.")
  boolean noAnalysis;

  @Option(names = "--keep-images", description = "Keep the final images (tagged sbrun/<fixture>:<variant>-<builder>-<run>).")
  boolean keepImages;

  @Option(names = "--build-timeout", paramLabel = "DURATION",
      description = "End a build that runs longer (e.g. 600, 90s, 15m): it is recorded as failed and the run goes on (default: none).")
  String buildTimeout;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Continue the interrupted run whose report.json is in RUN_DIR: units it measured are kept, the others run; one complete report.")
  Path resume;

  @Option(names = "--no-report", description = "Do not draw charts, summary.md and index.html next to report.json.")
  boolean noReport;

  private volatile boolean finished;

  @Override
  public Integer call() throws Exception {
    Optional<java.time.Duration> timeout = Optional.empty();
    if (buildTimeout != null) {
      try {
        timeout = Optional.of(duration(buildTimeout));
      } catch (IllegalArgumentException e) {
        throw new StagebenchException(Category.USAGE, e.getMessage());
      }
    }
    Optional<Report> earlier = Optional.empty();
    if (resume != null) {
      earlier = Optional.of(resumable(resume));
    }
    BenchOptions options = earlier.isPresent() ? resumedOptions(earlier.get()) : options();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    Path home = StagebenchHome.locate();
    List<Fixture> selected = fixtures(home, options);
    checkVariants(selected, options);
    String runId = RunIds.next();
    Path dir = resume != null ? resume : out != null ? out : home.resolve("reports").resolve("runs").resolve(runId);
    Path reportFile = dir.resolve("report.json");
    String startedAt = earlier.map(r -> r.run().startedAt()).orElse(Instant.now().toString());
    if (earlier.isPresent()) {
      profile = earlier.get().environment().profile();
    }
    ProgressPrinter progress = new ProgressPrinter(err);
    try (Engine engine = Engine.connect()) {
      Optional<EngineInfo> info = Optional.of(engine.info());
      Profile p = Profiles.choose(home, engine, profile, progress::line);
      options = options.onEngine(engine.kind());
      List<UnitResult> units = BenchRunner.plan(selected, options, engine.kind());
      List<UnitResult> toRun = units;
      if (earlier.isPresent()) {
        units = restore(units, earlier.get());
        toRun = units.stream().filter(u -> u.status().equals("pending")).toList();
        progress.line("resuming run " + earlier.get().run().id() + ": " + (units.size() - toRun.size()) + " unit(s) kept, "
            + toRun.size() + " to measure");
      }
      if (units.isEmpty()) {
        throw new StagebenchException(Category.USAGE, "nothing to run: no variant matches " + variants + " in shard " + options.shard());
      }
      Map<String, String> baseIds = new LinkedHashMap<>();
      for (String image : new LinkedHashSet<>(p.buildArgs().values())) {
        BaseImages.inspect(engine, image).ifPresent(i -> baseIds.put(image, i.getId()));
      }
      Path work = Files.createTempDirectory("stagebench-" + runId);
      Map<String, Long> calibration = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
      ReportWriter writer = new ReportWriter(reportFile, runId, startedAt, options, info, p, baseIds, home, units, calibration);
      BenchRunner runner = new BenchRunner(engine, p, runId, work, new BenchRunner.Listener() {
        @Override
        public void progress(BenchRunner.Position pr) {
          progress.update(pr);
        }

        @Override
        public void line(String text) {
          progress.line(text);
        }

        @Override
        public void checkpoint(List<UnitResult> results) {
          writer.write(false, false);
        }
      });
      timeout.ifPresent(runner::withBuildTimeout);
      runner.withAnalysis(!noAnalysis).withCalibration(calibration);
      Thread onInterrupt = new Thread(() -> {
        if (!finished) {
          runner.cancel();
          writer.write(false, true);
          err.println("\nstagebench: interrupted; partial report in " + display(home, reportFile));
          err.flush();
        }
      }, "stagebench-interrupt");
      Runtime.getRuntime().addShutdownHook(onInterrupt);
      boolean complete = false;
      try (RunCleanup cleanup = new RunCleanup(engine, runId, keepImages)) {
        earlier.ifPresent(r -> cleanup.alsoEarlierRun(r.run().id()));
        runner.run(toRun, options);
        finished = true;
        writer.write(true, false);
        complete = true;
      } catch (io.stagebench.engine.EngineException e) {
        finished = true;
        progress.done();
        if (complete) {
          throw new StagebenchException(Category.ENVIRONMENT, "the run is complete (" + display(home, reportFile)
              + ") but its images could not be removed: " + e.getMessage() + "; later: stagebench clean --run " + runId);
        }
        // The engine went away: keep what was measured, say how to go on.
        writer.write(false, false);
        throw new StagebenchException(Category.ENVIRONMENT, "the engine went away during the run: " + e.getMessage()
            + "; partial report in " + display(home, reportFile) + "; when the engine is back: stagebench bench --resume "
            + display(home, dir));
      } finally {
        finished = true;
        deleteTree(work);
        try {
          Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running
        }
      }
      progress.done();
      Report report = ReportStore.read(reportFile);
      BenchSummary.print(outW, report);
      outW.println("report: " + display(home, reportFile));
      if (!noReport) {
        try {
          ReportCommand.render(report, dir, java.util.EnumSet.allOf(io.stagebench.report.ReportRenderer.Format.class));
          outW.println("charts and summary: " + display(home, dir.resolve("index.html")));
        } catch (StagebenchException e) {
          err.println("stagebench: report.json is written but the charts are not: " + e.getMessage());
        }
      }
      outW.flush();
      long failed = units.stream().filter(u -> u.status().equals("failed")).count();
      if (failed > 0) {
        err.println("stagebench: " + failed + " variant build(s) failed; see the report's failures");
        return ExitCodes.BUILD_FAILED;
      }
      return ExitCodes.OK;
    }
  }

  /** {@code 600}, {@code 90s}, {@code 15m}, {@code 1h}: a positive duration. */
  static java.time.Duration duration(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException("--build-timeout " + text + ": give a positive duration such as 600, 90s, 15m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> java.time.Duration.ofMillis(n);
      case "m" -> java.time.Duration.ofMinutes(n);
      case "h" -> java.time.Duration.ofHours(n);
      default -> java.time.Duration.ofSeconds(n);
    };
  }

  /** The interrupted run's report, refused when there is nothing to resume. */
  private Report resumable(Path runDir) throws StagebenchException {
    if (!fixtures.isEmpty() || variants != null || !fixturesDirs.isEmpty() || context != null || out != null) {
      throw new StagebenchException(Category.USAGE,
          "--resume continues a run with its own options; leave out --fixtures, --variants, --fixtures-dir, --context and --out");
    }
    Path file = runDir.resolve("report.json");
    if (!Files.isRegularFile(file)) {
      throw new StagebenchException(Category.USAGE, "--resume " + runDir + ": no report.json there; pass the directory of an interrupted run");
    }
    Report r = ReportStore.read(file);
    if (r.run().complete()) {
      throw new StagebenchException(Category.USAGE, "--resume " + runDir + ": run " + r.run().id() + " is complete; nothing to resume");
    }
    return r;
  }

  private BenchOptions resumedOptions(Report r) throws StagebenchException {
    Report.Options o = r.run().options();
    try {
      return new BenchOptions(o.fixtures(), o.variants() == null || o.variants().isEmpty() ? Optional.empty()
          : Optional.of(new LinkedHashSet<>(o.variants())), o.scenarios().stream().map(Scenario::of).toList(),
          o.builders(), o.reps(), coldReps, o.warmup(), Shard.parse(o.shard()), keepImages);
    } catch (IllegalArgumentException e) {
      throw new StagebenchException(Category.USAGE, "--resume: the report's options are not usable: " + e.getMessage());
    }
  }

  /**
   * The planned units, with what the earlier run measured taken from its report: finished units
   * (ok, skipped) are kept whole; units it was still measuring keep their samples and get the rest;
   * failed units (the engine going away fails the build in flight) are measured again.
   */
  static List<UnitResult> restore(List<UnitResult> planned, Report earlier) {
    List<UnitResult> out = new ArrayList<>();
    for (UnitResult u : planned) {
      Optional<Report.BuildResultJson> done = earlier.fixtures().stream()
          .filter(f -> f.name().equals(u.fixture().name()))
          .flatMap(f -> f.variants().stream())
          .filter(v -> v.name().equals(u.variant().name()))
          .flatMap(v -> v.builds().stream())
          .filter(b -> b.builder().equals(u.builder()) && !b.status().equals("failed"))
          .findFirst();
      out.add(done.map(b -> UnitResult.restore(u.fixture(), u.variant(), b)).orElse(u));
    }
    return out;
  }

  /** Refuses, before any engine work, a --variants name that none of the selected fixtures has. */
  static void checkVariants(List<Fixture> selected, BenchOptions options) throws StagebenchException {
    if (options.variants().isEmpty()) {
      return;
    }
    java.util.Set<String> known = new java.util.TreeSet<>();
    selected.forEach(f -> f.variants().forEach(v -> known.add(v.name())));
    for (String v : options.variants().get()) {
      if (!known.contains(v)) {
        throw new StagebenchException(Category.USAGE, "unknown variant \"" + v + "\"; the selected fixtures have: "
            + String.join(", ", known));
      }
    }
  }

  /** The manifests' fixtures, or the one ad hoc fixture of --context. */
  private List<Fixture> fixtures(Path home, BenchOptions options) throws StagebenchException {
    if (context == null) {
      if (!adHocVariants.isEmpty() || sourceEdit != null || depsEdit != null || !buildArgs.isEmpty()) {
        throw new StagebenchException(Category.USAGE, "--variant, --source-edit, --deps-edit and --build-arg need --context DIR");
      }
      return FixtureSelection.select(home, fixturesDirs, options.fixtures());
    }
    if (!options.fixtures().isEmpty() || !fixturesDirs.isEmpty()) {
      throw new StagebenchException(Category.USAGE, "--context (ad hoc) cannot be combined with --fixtures or --fixtures-dir");
    }
    return List.of(AdHocFixture.of(context, adHocVariants, Optional.ofNullable(sourceEdit), Optional.ofNullable(depsEdit), buildArgs));
  }

  private BenchOptions options() throws StagebenchException {
    try {
      List<Scenario> sc = scenarios.stream().map(Scenario::of).distinct().toList();
      List<String> builders = switch (builder) {
        case "classic" -> List.of("classic");
        case "buildkit" -> List.of("buildkit");
        case "buildah" -> List.of("buildah");
        case "both" -> List.of("classic", "buildkit");
        default -> throw new IllegalArgumentException("unknown builder \"" + builder + "\"; use classic, buildkit, buildah or both");
      };
      List<String> names = fixtures;
      if (names.equals(List.of("all"))) {
        names = List.of();
      } else if (names.isEmpty() && fixturesDirs.isEmpty() && context == null) {
        names = DEFAULT_FIXTURES;
      }
      return new BenchOptions(names, Optional.ofNullable(variants).map(LinkedHashSet::new), sc, builders,
          reps, coldReps, warmup, Shard.parse(shard), keepImages);
    } catch (IllegalArgumentException e) {
      throw new StagebenchException(Category.USAGE, e.getMessage());
    }
  }

  static String display(Path home, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private static void deleteTree(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the OS cleans it eventually
    }
  }

  /** Writes the report atomically from the live results; safe to call from a shutdown hook. */
  private record ReportWriter(Path file, String runId, String startedAt, BenchOptions options, Optional<EngineInfo> info,
      Profile profile, Map<String, String> baseIds, Path home, List<UnitResult> units, Map<String, Long> calibration) {
    synchronized void write(boolean complete, boolean interrupted) {
      try {
        Report r = ReportAssembler.assemble(new ReportAssembler.RunInfo(runId, startedAt, Instant.now().toString(),
            complete, interrupted, options, ManifestVersionProvider.version(), GitInfo.commit(home)), info, profile, baseIds, home, units, Map.copyOf(calibration));
        ReportStore.write(file, r);
      } catch (IOException | RuntimeException e) {
        System.err.println("stagebench: cannot write " + file + ": " + e.getMessage());
      }
    }
  }
}
