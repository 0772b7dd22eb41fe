package io.stagebench.run;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.bases.BaseImages;
import io.stagebench.bases.Profile;
import io.stagebench.bases.Profiles;
import io.stagebench.bases.StagebenchHome;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.EngineInfo;
import io.stagebench.fixture.Edits;
import io.stagebench.fixture.Fixture;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One bench run from its plan to the {@link Report} it returns: the profile, the units (with an
 * interrupted run's results restored), base image IDs, the engine calibration, the runner, the
 * report written atomically after every round, the Ctrl-C hook and the clean-up of the run's
 * images. The command line only parses options and prints.
 */
public final class BenchSession {
  /** What the session tells its caller as it goes: the runner's progress and lines, and an interruption. */
  public interface Listener extends BenchRunner.Listener {
    /** The run was interrupted (Ctrl-C); the partial report is in {@code reportFile}. */
    void interrupted(Path reportFile);
  }

  /**
   * What to run.
   *
   * @param fixtures the selected fixtures
   * @param options what to measure (an interrupted run's own, when resuming)
   * @param profile {@code auto}, {@code hub} or {@code offline}
   * @param home the stagebench checkout (profiles, relative fixture paths in the report)
   * @param dir where report.json goes
   * @param resumed the interrupted run being continued, if any
   * @param buildTimeout ends a longer build as failed
   * @param analysis export and analyse each final image
   */
  public record Plan(List<Fixture> fixtures, BenchOptions options, String profile, Path home, Path dir,
      Optional<Report> resumed, Optional<Duration> buildTimeout, boolean analysis) {
    public Plan {
      fixtures = List.copyOf(fixtures);
    }

    public Path reportFile() {
      return dir.resolve("report.json");
    }
  }

  /** The finished run: its report (as written) and how many units failed. */
  public record Outcome(Report report, Path reportFile, long failedUnits) {}

  private final Plan plan;
  private final Listener listener;
  private volatile boolean finished;

  public BenchSession(Plan plan, Listener listener) {
    this.plan = plan;
    this.listener = listener;
  }

  /**
   * An interrupted run's report, to resume it.
   *
   * @throws StagebenchException (usage) when {@code runDir} has no report or its run is complete
   */
  public static Report resumable(Path runDir) throws StagebenchException {
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

  /** Refuses, before any engine work, a --variants name that none of the selected fixtures has. */
  public static void checkVariants(List<Fixture> selected, BenchOptions options) throws StagebenchException {
    if (options.variants().isEmpty()) {
      return;
    }
    Set<String> known = new TreeSet<>();
    selected.forEach(f -> f.variants().forEach(v -> known.add(v.name())));
    for (String v : options.variants().get()) {
      if (!known.contains(v)) {
        throw new StagebenchException(Category.USAGE, "unknown variant \"" + v + "\"; the selected fixtures have: "
            + String.join(", ", known));
      }
    }
  }

  /**
   * Runs the plan on {@code engine}. A unit's failure is in the report; the run goes on.
   *
   * @throws StagebenchException when the engine goes away (the partial report is written and the
   *     message says how to resume), when nothing matches, or when base images are missing
   * @throws InterruptedException when the run is interrupted between builds
   */
  public Outcome run() throws StagebenchException, InterruptedException, IOException {
    checkVariants(plan.fixtures(), plan.options());
    try (Engine engine = Engine.connect()) {
      return run(engine);
    }
  }

  /** {@link #run()} on an engine already connected. */
  public Outcome run(Engine engine) throws StagebenchException, InterruptedException, IOException {
    String runId = RunIds.next();
    String startedAt = plan.resumed().map(r -> r.run().startedAt()).orElse(Instant.now().toString());
    Optional<EngineInfo> info = Optional.of(engine.info());
    String profileName = plan.resumed().map(r -> r.environment().profile()).orElse(plan.profile());
    Profile profile = Profiles.choose(plan.home(), engine, profileName, listener::line);
    BenchOptions options = plan.options().onEngine(engine.kind());
    List<UnitResult> units = BenchRunner.plan(plan.fixtures(), options, engine.kind());
    List<UnitResult> toRun = units;
    if (plan.resumed().isPresent()) {
      units = ReportMapper.restore(units, plan.resumed().get());
      toRun = units.stream().filter(u -> u.status() == UnitStatus.PENDING).toList();
      listener.line("resuming run " + plan.resumed().get().run().id() + ": " + (units.size() - toRun.size())
          + " unit(s) kept, " + toRun.size() + " to measure");
    }
    if (units.isEmpty()) {
      throw new StagebenchException(Category.USAGE, "nothing to run: no variant matches "
          + options.variants().map(v -> new TreeSet<>(v).toString()).orElse("the selection") + " in shard " + options.shard());
    }
    Map<String, String> baseIds = new LinkedHashMap<>();
    for (String image : new LinkedHashSet<>(profile.buildArgs().values())) {
      BaseImages.inspect(engine, image).ifPresent(i -> baseIds.put(image, i.id()));
    }
    Map<String, Long> calibration = Collections.synchronizedMap(new LinkedHashMap<>());
    Checkpoints checkpoints = new Checkpoints(plan.reportFile(), runId, startedAt, options, info, profile, baseIds,
        plan.home(), units, calibration, new VariantLints(profile));
    Path work = Files.createTempDirectory("stagebench-" + runId);
    BenchRunner runner = new BenchRunner(engine, new RunScope(runId, profile), work, listener)
        .withCheckpoints(() -> checkpoints.write(false, false));
    plan.buildTimeout().ifPresent(runner::withBuildTimeout);
    runner.withAnalysis(plan.analysis()).withCalibration(calibration);
    Thread onInterrupt = new Thread(() -> {
      if (!finished) {
        runner.cancel();
        checkpoints.write(false, true);
        listener.interrupted(plan.reportFile());
      }
    }, "stagebench-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    Report report;
    try {
      report = measure(engine, runner, runId, toRun, options, checkpoints);
    } finally {
      finished = true;
      Edits.deleteTree(work);
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running
      }
    }
    return new Outcome(report, plan.reportFile(), units.stream().filter(u -> u.status() == UnitStatus.FAILED).count());
  }

  /** Runs the units under the run's clean-up; the engine going away keeps what was measured. */
  private Report measure(Engine engine, BenchRunner runner, String runId, List<UnitResult> toRun, BenchOptions options,
      Checkpoints checkpoints) throws StagebenchException, InterruptedException {
    Report report = null;
    boolean complete = false;
    try (RunCleanup cleanup = new RunCleanup(engine, runId, plan.options().keepImages())) {
      plan.resumed().ifPresent(r -> cleanup.alsoEarlierRun(r.run().id()));
      runner.run(toRun, options);
      finished = true;
      report = checkpoints.write(true, false);
      complete = true;
    } catch (EngineException e) {
      finished = true;
      String reportFile = StagebenchHome.display(plan.reportFile());
      if (complete) {
        throw new StagebenchException(Category.ENVIRONMENT, "the run is complete (" + reportFile
            + ") but its images could not be removed: " + e.getMessage() + "; later: stagebench clean --run " + runId);
      }
      checkpoints.write(false, false);
      throw new StagebenchException(Category.ENVIRONMENT, "the engine went away during the run: " + e.getMessage()
          + "; partial report in " + reportFile + "; when the engine is back: stagebench bench --resume "
          + StagebenchHome.display(plan.dir()));
    }
    if (report == null) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot write " + StagebenchHome.display(plan.reportFile()));
    }
    return report;
  }

  /** Writes the report atomically from the live results; safe to call from a shutdown hook. */
  private record Checkpoints(Path file, String runId, String startedAt, BenchOptions options, Optional<EngineInfo> info,
      Profile profile, Map<String, String> baseIds, Path home, List<UnitResult> units, Map<String, Long> calibration,
      VariantLints lints) {
    /** The report written, or null when it could not be (said on stderr; the run goes on). */
    synchronized Report write(boolean complete, boolean interrupted) {
      try {
        Report r = ReportMapper.toReport(new ReportMapper.RunInfo(runId, startedAt, Instant.now().toString(),
            complete, interrupted, options, ToolVersion.version(), ToolVersion.gitCommit(home)), info, profile, baseIds, home,
            units, snapshot(calibration), lints);
        ReportStore.write(file, r);
        return r;
      } catch (IOException | RuntimeException e) {
        System.err.println("stagebench: cannot write " + file + ": " + e.getMessage());
        return null;
      }
    }

    /** A copy in the order measured (the map is written by the runner's thread). */
    private static Map<String, Long> snapshot(Map<String, Long> calibration) {
      synchronized (calibration) {
        return new LinkedHashMap<>(calibration);
      }
    }
  }
}
