package io.stagebench.run;

import io.stagebench.StagebenchException;
import io.stagebench.Units;
import io.stagebench.bases.Profiles;
import io.stagebench.engine.BuildFailedException;
import io.stagebench.engine.BuildResult;
import io.stagebench.engine.Builder;
import io.stagebench.engine.BuilderKind;
import io.stagebench.engine.Builders;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.EngineKind;
import io.stagebench.engine.HistoryEntry;
import io.stagebench.engine.ImageInfo;
import io.stagebench.engine.UnsupportedBuildException;
import io.stagebench.fixture.Edits;
import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.Secrets;
import io.stagebench.image.ImageAnalyzer;
import io.stagebench.image.ImageArchive;
import io.stagebench.image.ImageReport;
import io.stagebench.image.ImageSizes;
import io.stagebench.image.ImageSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the benchmark: for each scenario, repetitions in rounds over every unit, the unit order
 * rotated each round so that drift on a noisy machine does not favour one variant. Edits work on
 * temporary copies; the fixtures are never touched.
 */
public final class BenchRunner {
  /** Where the run is, for a progress line: the build in flight and an ETA. */
  public record Position(String unit, String scenario, int rep, int reps, int done, int total, long elapsedMillis, long etaMillis) {}

  /** What the runner tells its caller as it goes. */
  public interface Listener {
    void progress(Position p);

    void line(String text);
  }

  private final Engine engine;
  private final RunScope scope;
  private final Path workDir;
  private final Listener listener;
  private Runnable checkpoint = () -> { };
  /** The profile's base images' histories, read at the first unit's image (bases do not change in a run). */
  private List<List<HistoryEntry>> baseHistories;
  private long started;
  private int done;
  private int total;
  private final BuildFailures failures;
  private final Map<BuilderKind, Builder> builders = new ConcurrentHashMap<>();
  private Optional<Duration> buildTimeout = Optional.empty();
  private boolean analyze = true;
  private Map<String, Long> calibration;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stagebench-build-timeout");
        t.setDaemon(true);
        return t;
      });

  public BenchRunner(Engine engine, RunScope scope, Path workDir, Listener listener) {
    this.engine = engine;
    this.failures = new BuildFailures(engine);
    this.scope = scope;
    this.workDir = workDir;
    this.listener = listener;
  }

  /**
   * Ends any build that runs longer than {@code timeout}: it is recorded as failed ("timed out")
   * and the run goes on with the next unit.
   */
  public BenchRunner withBuildTimeout(Duration timeout) {
    this.buildTimeout = Optional.of(timeout);
    return this;
  }

  /**
   * Whether each final image is exported and analysed (compressed size, waste, residue, broken
   * binaries); on by default, off with {@code --no-analysis}. An analysis that fails is a line in
   * the log, not a failed unit.
   */
  public BenchRunner withAnalysis(boolean on) {
    this.analyze = on;
    return this;
  }

  /**
   * Measures the engine's calibration build ({@link EngineCalibration}) per builder at the start of
   * the run, into {@code sink} (builder to milliseconds); off unless called.
   */
  public BenchRunner withCalibration(Map<String, Long> sink) {
    this.calibration = sink;
    return this;
  }

  /** Called after the priming builds and after each round, for a partial report of the results so far. */
  public BenchRunner withCheckpoints(Runnable onCheckpoint) {
    this.checkpoint = onCheckpoint;
    return this;
  }

  /** Stops the builds in flight (Ctrl-C): each ends as a failed build and the run stops. */
  public void cancel() {
    builders.values().forEach(Builder::cancel);
  }

  /** The units of a run: every selected (fixture, variant) of this shard, times each builder. */
  public static List<UnitResult> plan(List<Fixture> fixtures, BenchOptions o) {
    return plan(fixtures, o, EngineKind.DOCKER);
  }

  /** The units, with those of a builder {@code engine} does not have skipped with the reason. */
  public static List<UnitResult> plan(List<Fixture> fixtures, BenchOptions o, EngineKind engine) {
    List<Map.Entry<Fixture, Fixture.Variant>> pairs = new ArrayList<>();
    for (Fixture f : fixtures) {
      for (Fixture.Variant v : f.variants()) {
        if (o.variants().isEmpty() || o.variants().get().contains(v.name())) {
          pairs.add(Map.entry(f, v));
        }
      }
    }
    List<UnitResult> units = new ArrayList<>();
    for (Map.Entry<Fixture, Fixture.Variant> p : o.shard().select(pairs)) {
      for (BuilderKind b : o.builders()) {
        UnitResult u = new UnitResult(p.getKey(), p.getValue(), b);
        String unavailable = Builders.unavailable(engine, b);
        if (unavailable != null) {
          u.skip(unavailable);
        } else if (!p.getValue().supports(b)) {
          u.skip("the variant needs " + p.getValue().buildersText() + ", not " + b.id());
        }
        units.add(u);
      }
    }
    return units;
  }

  /**
   * Measures the planned units. A unit's failure is recorded and the run goes on.
   *
   * @throws StagebenchException when the engine goes away or bases are missing
   * @throws InterruptedException when the run is interrupted between builds
   */
  public void run(List<UnitResult> units, BenchOptions o) throws StagebenchException, InterruptedException {
    List<Fixture> fixtures = units.stream().map(UnitResult::fixture).distinct().toList();
    Profiles.ensurePresent(engine, scope.profile(), scope.baseImagesUsedBy(fixtures), listener::line);
    if (calibration != null) {
      calibration.putAll(EngineCalibration.measure(engine, o.builders(), scope.runId(), workDir, listener::line));
    }
    List<UnitResult> active = units.stream().filter(u -> u.status() != UnitStatus.SKIPPED).toList();
    // One priming build per unit (the first cold sample when cold is measured), then the rounds.
    total = active.size();
    for (Scenario s : o.scenarios()) {
      total += active.size() * (rounds(s, o) + (s == Scenario.COLD ? 0 : 1));
    }
    started = System.nanoTime();
    // Every unit gets its final image and smoke check first; cold (no cache) needs no priming.
    for (UnitResult u : active) {
      // A resumed unit that has its cold samples already is primed from the cache.
      prime(u, o.scenarios().contains(Scenario.COLD) && u.sampleCount(Scenario.COLD) == 0);
    }
    checkpoint.run();
    Map<UnitResult, Path> copies = new LinkedHashMap<>();
    for (Scenario s : o.scenarios()) {
      int rounds = rounds(s, o);
      List<UnitResult> live = active.stream().filter(UnitResult::usable).toList();
      if (s.isEdit()) {
        for (UnitResult u : live) {
          prepareCopy(u, s, copies);
        }
      } else if (s == Scenario.WARM) {
        // The classic builder picks its cache among images of every variant that share a prefix
        // of steps; one untimed build settles which chain this variant's warm builds follow.
        for (UnitResult u : live) {
          build(u, u.fixture().dir(), false, "warm prime", 0, 0);
        }
      }
      for (int round = 0; round < rounds; round++) {
        List<UnitResult> order = rotate(live.stream().filter(UnitResult::usable).toList(), round);
        for (UnitResult u : order) {
          if (u.skipped(s)) {
            continue;
          }
          boolean warmup = s != Scenario.COLD && round < o.warmup();
          int have = u.sampleCount(s);
          if (have >= o.repsFor(s) || (warmup && have > 0)) {
            continue; // measured before a --resume
          }
          measure(u, s, round, rounds, warmup, copies.get(u));
        }
        checkpoint.run();
      }
    }
    active.forEach(UnitResult::complete);
    checkpoint.run();
  }

  /** Rounds after priming: cold's first sample is the priming build itself. */
  private static int rounds(Scenario s, BenchOptions o) {
    return s == Scenario.COLD ? o.coldReps() - 1 : o.repsFor(s) + o.warmup();
  }

  static <T> List<T> rotate(List<T> list, int by) {
    if (list.isEmpty()) {
      return list;
    }
    List<T> out = new ArrayList<>(list.size());
    int k = by % list.size();
    out.addAll(list.subList(k, list.size()));
    out.addAll(list.subList(0, k));
    return out;
  }

  /** Builds the unit once (cold when {@code noCache}), records its image, and runs its smoke check. */
  private void prime(UnitResult u, boolean coldScenario) throws StagebenchException, InterruptedException {
    checkInterrupted();
    Optional<BuildResult> r = build(u, u.fixture().dir(), coldScenario, coldScenario ? "cold" : "prime", 1, 1);
    if (r.isEmpty()) {
      return;
    }
    if (coldScenario) {
      u.recordSample(Scenario.COLD, sample(r.get()), r.get().steps());
    }
    String built = r.get().imageId();
    Optional<ImageSizes> sizes = analyze && u.analysis().isEmpty() ? analyse(u, built) : Optional.empty();
    if (sizes.isEmpty()) {
      // no analysis (or it failed): the sizes still have to mean the same on every engine
      sizes = Optional.of(ImageSizes.measure(engine, built, false));
    }
    if (baseHistories == null) {
      baseHistories = ImageFacts.baseHistories(engine, scope.profile().buildArgs().values());
    }
    ImageFacts.Facts facts = ImageFacts.of(engine, built, baseHistories,
        VariantFiles.stageGraph(u.fixture(), u.variant(), scope.profile()), sizes.get().historySizes());
    u.recordImage(new UnitResult.ImageRecord(facts.id(), sizes.get().uncompressedBytes(), Optional.of(facts.sizeBytes()),
        facts.layerCount(), facts.layers()));
    if (u.fixture().smoke().http().isEmpty() && u.fixture().smoke().command().isEmpty()) {
      listener.line(u.label() + ": " + Units.bytes(u.sizeBytes()) + ", no smoke check (ad hoc)");
      return;
    }
    SmokeCheck.Result smoke = new SmokeCheck(engine, scope.runId()).run(facts.id(), u.fixture().smoke());
    u.recordSmoke(smoke);
    listener.line(u.label() + ": " + Units.bytes(u.sizeBytes()) + ", smoke " + (smoke.passed() ? "passed" : "FAILED: " + smoke.detail()));
    if (!smoke.passed()) {
      u.fail("smoke check failed: " + smoke.detail(), List.of(smoke.detail()));
    }
  }

  /** Analyses the image; its sizes, or empty when the analysis failed. */
  private Optional<ImageSizes> analyse(UnitResult u, String imageId) throws InterruptedException {
    checkInterrupted();
    listener.progress(new Position(u.label(), "analysis", 1, 1, done, total, (System.nanoTime() - started) / 1_000_000, -1));
    long t0 = System.nanoTime();
    try {
      ImageArchive archive = ImageSource.fromEngine(engine, imageId, true);
      ImageReport r = ImageAnalyzer.analyze(imageId, archive, 5);
      ImageSizes sizes = ImageSizes.of(archive, ImageSizes.engineSize(engine, imageId));
      u.recordAnalysis(UnitResult.AnalysisFacts.of(r),
          sizes.compressed().map(c -> new UnitResult.Compressed(c, sizes.compressedSource().id())));
      listener.line(u.label() + ": analysed in " + Units.millis((System.nanoTime() - t0) / 1_000_000) + ", compressed "
          + sizes.compressed().map(Units::bytes).orElse("?") + ", wasted " + Units.bytes(r.dive().wastedBytes()));
      return Optional.of(sizes);
    } catch (StagebenchException | RuntimeException e) {
      listener.line(u.label() + ": image analysis failed, the unit goes on without it: " + Messages.firstLine(e.getMessage()));
      return Optional.empty();
    }
  }

  private void prepareCopy(UnitResult u, Scenario s, Map<UnitResult, Path> copies) throws StagebenchException, InterruptedException {
    Optional<Fixture.Edit> edit = s.editOf(u.fixture());
    if (edit.isEmpty()) {
      u.skipScenario(s, "no " + (s == Scenario.SOURCE_EDIT ? "source" : "dependency") + " edit declared (fixture.json edits, or --" + (s == Scenario.SOURCE_EDIT ? "source" : "deps") + "-edit ad hoc)");
      return;
    }
    Path copy = RunScope.editCopy(workDir, u.fixture(), u.variant(), u.builder(), s);
    copies.put(u, copy);
    // An untimed build of the unedited copy, so the first timed edit starts from a warm cache.
    build(u, copy, false, s.id() + " prime", 0, 0);
  }

  private void measure(UnitResult u, Scenario s, int round, int rounds, boolean warmup, Path copy)
      throws StagebenchException, InterruptedException {
    checkInterrupted();
    Path context = u.fixture().dir();
    if (s.isEdit()) {
      context = copy;
      Fixture.Edit edit = s.editOf(u.fixture()).orElseThrow();
      try {
        // Unique per unit too: variants sharing build steps must not hit each other's cache.
        Edits.apply(copy, edit, scope.editValue(u.variant(), u.builder(), s, round));
      } catch (IOException | RuntimeException e) {
        u.fail(s.id() + " edit failed: " + e.getMessage(), List.of());
        return;
      }
    }
    Optional<BuildResult> r = build(u, context, s == Scenario.COLD, s.id() + (warmup ? " (warmup)" : ""), round + 1, rounds);
    if (r.isPresent() && !warmup) {
      u.recordSample(s, sample(r.get()), r.get().steps());
    }
    if (r.isPresent() && s.isEdit()) {
      dropEditImage(u, r.get().imageId());
    }
  }

  /**
   * Removes the image of an edit build with the parents only it had: every edit uses a fresh value,
   * so no later build can reuse those layers, and the classic builder would otherwise leave a chain
   * of untagged images per sample. The unedited image and the layers it shares stay (the cache).
   */
  private void dropEditImage(UnitResult u, String imageId) {
    if (imageId == null || u.imageId().isEmpty()) {
      return;
    }
    try {
      // builders may report a short ID; u.imageId is the engine's full one (inspect), so compare
      // full IDs and never drop the unedited image (an edit that changed nothing gives it again)
      Optional<ImageInfo> image = engine.images().inspect(imageId);
      if (image.isEmpty() || image.get().id().equals(u.imageId().get())) {
        return;
      }
      engine.images().remove(image.get().id(), true, true);
    } catch (EngineException e) {
      // left to the end-of-run cleanup (it carries the run label)
    }
  }

  private static UnitResult.Sample sample(BuildResult r) {
    return new UnitResult.Sample(r.wallMillis(), r.stepsTotal(), r.stepsCached());
  }

  private Optional<BuildResult> build(UnitResult u, Path context, boolean noCache, String what, int rep, int reps)
      throws StagebenchException {
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    long eta = done == 0 ? -1 : elapsed * (total - done) / done;
    listener.progress(new Position(u.label(), what, rep, reps, done, total, elapsed, eta));
    Builder builder = builders.computeIfAbsent(u.builder(), b -> Builders.of(engine, b));
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline = buildTimeout.<ScheduledFuture<?>>map(t -> timer.schedule(() -> {
      timedOut.set(true);
      builder.cancel();
    }, t.toMillis(), TimeUnit.MILLISECONDS)).orElse(null);
    try {
      BuildResult r = builder.build(scope.request(u.fixture(), u.variant(), u.builder(), context, noCache));
      r.warnings().forEach(w -> listener.line(u.label() + " " + what + ": warning: " + w));
      u.recordContext(r.contextBytes());
      done++;
      return Optional.of(r);
    } catch (UnsupportedBuildException e) {
      done++;
      listener.line(u.label() + ": skipped, " + e.getMessage());
      u.skip(e.getMessage());
      return Optional.empty();
    } catch (BuildFailedException e) {
      done++;
      String why = timedOut.get()
          ? "timed out after " + buildTimeout.get().toSeconds() + " s (--build-timeout); the build was stopped"
          : failures.diskFull(e).orElse(e.getMessage());
      listener.line(u.label() + " " + what + ": BUILD FAILED: " + Secrets.of(u.variant().buildArgs()).scrub(why));
      u.fail(what + " build failed: " + why, e.logTail());
      if (!timedOut.get()) {
        failures.engineStillThere(e);
      }
      return Optional.empty();
    } finally {
      if (deadline != null) {
        deadline.cancel(false);
      }
    }
  }

  private static void checkInterrupted() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted");
    }
  }
}
