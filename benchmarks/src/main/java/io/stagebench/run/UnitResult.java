package io.stagebench.run;

import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.Secrets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the run measured for one (fixture, variant, builder); filled in as the run goes. */
public final class UnitResult {
  /** One timed build. */
  public record Sample(long wallMillis, int stepsTotal, int stepsCached) {
    public int stepsExecuted() {
      return Math.max(0, stepsTotal - stepsCached);
    }
  }

  /** A layer of the final image as the engine's history tells it. */
  public record LayerFact(String createdBy, long sizeBytes, boolean base, String origin, Integer line) {
    public LayerFact(String createdBy, long sizeBytes, boolean base) {
      this(createdBy, sizeBytes, base, base ? "base" : "final", null);
    }
  }

  final Fixture fixture;
  final Fixture.Variant variant;
  final String builder;
  String status = "pending";
  Optional<String> reason = Optional.empty();
  List<String> logTail = List.of();
  Optional<String> imageId = Optional.empty();
  long sizeBytes;
  int layerCount;
  List<LayerFact> layers = List.of();
  Optional<SmokeCheck.Result> smoke = Optional.empty();
  Optional<Long> compressedBytes = Optional.empty();
  Optional<String> compressedSource = Optional.empty();
  Optional<Long> engineSizeBytes = Optional.empty();
  Optional<io.stagebench.report.Report.Analysis> analysis = Optional.empty();
  long contextBytes;
  final Map<Scenario, List<io.stagebench.engine.BuildStep>> lastSteps = new EnumMap<>(Scenario.class);
  final Map<Scenario, List<Sample>> samples = new EnumMap<>(Scenario.class);
  final Map<Scenario, String> skippedScenarios = new EnumMap<>(Scenario.class);

  private final Secrets secrets;

  UnitResult(Fixture fixture, Fixture.Variant variant, String builder) {
    this.fixture = fixture;
    this.variant = variant;
    this.builder = builder;
    this.secrets = Secrets.of(variant.buildArgs());
  }

  /**
   * A unit as an earlier, interrupted run's report recorded it, for {@code bench --resume}: its
   * status, image, layers, smoke check, samples and skipped scenarios.
   */
  public static UnitResult restore(Fixture f, Fixture.Variant v, io.stagebench.report.Report.BuildResultJson b) {
    UnitResult u = new UnitResult(f, v, b.builder());
    u.status = b.status();
    u.reason = Optional.ofNullable(b.reason());
    u.logTail = b.logTail() == null ? List.of() : List.copyOf(b.logTail());
    if (b.image() != null) {
      u.imageId = Optional.ofNullable(b.image().id());
      u.sizeBytes = b.image().sizeBytes();
      u.layerCount = b.image().layerCount();
      u.compressedBytes = Optional.ofNullable(b.image().compressedBytes());
      u.compressedSource = Optional.ofNullable(b.image().compressedSource());
      u.engineSizeBytes = Optional.ofNullable(b.image().engineSizeBytes());
      u.analysis = Optional.ofNullable(b.image().analysis());
      u.layers = b.image().layers() == null ? List.of() : b.image().layers().stream()
          .map(l -> new LayerFact(l.createdBy(), l.sizeBytes(), "base".equals(l.origin()), l.origin(), l.line()))
          .toList();
    }
    u.contextBytes = b.contextBytes() == null ? 0 : b.contextBytes();
    if (b.smoke() != null) {
      u.smoke = Optional.of(new SmokeCheck.Result(b.smoke().passed(),
          b.smoke().millisUntilHealthy() == null ? 0 : b.smoke().millisUntilHealthy(), b.smoke().detail()));
    }
    if (b.scenarios() != null) {
      b.scenarios().forEach((id, sr) -> {
        Scenario s = Scenario.of(id);
        if (sr.skipped() != null) {
          u.skippedScenarios.put(s, sr.skipped());
        }
        if (sr.samples() != null) {
          sr.samples().forEach(x -> u.add(s, new Sample(x.wallMillis(), x.stepsTotal(), x.stepsCached())));
        }
        if (sr.steps() != null) {
          u.lastSteps.put(s, sr.steps().stream().map(x -> new io.stagebench.engine.BuildStep(x.name(), x.millis(),
              x.cached() ? io.stagebench.engine.BuildStep.Status.CACHED : io.stagebench.engine.BuildStep.Status.EXECUTED)).toList());
        }
      });
    }
    return u;
  }

  public Optional<String> compressedSource() {
    return compressedSource;
  }

  public Optional<Long> engineSizeBytes() {
    return engineSizeBytes;
  }

  public Fixture fixture() {
    return fixture;
  }

  public Fixture.Variant variant() {
    return variant;
  }

  public String builder() {
    return builder;
  }

  /** {@code pending}, {@code ok}, {@code failed} or {@code skipped}. */
  public String status() {
    return status;
  }

  /** Why it failed or was skipped, with secret build-arg values masked. */
  public Optional<String> reason() {
    return reason.map(secrets::scrub);
  }

  /** The build log's last lines, with secret build-arg values masked. */
  public List<String> logTail() {
    return secrets.scrub(logTail);
  }

  public Optional<String> imageId() {
    return imageId;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public int layerCount() {
    return layerCount;
  }

  /** The final image's layers; a classic build's history shows build args, so they are masked. */
  public List<LayerFact> layers() {
    return layers.stream()
        .map(l -> new LayerFact(secrets.scrub(l.createdBy()), l.sizeBytes(), l.base(), l.origin(), l.line()))
        .toList();
  }

  public Optional<SmokeCheck.Result> smoke() {
    return smoke;
  }

  /** The final image's compressed size (the sum of its layers' gzip sizes), when analysed. */
  public Optional<Long> compressedBytes() {
    return compressedBytes;
  }

  /** Highlights of the final image's analysis, when analysed. */
  public Optional<io.stagebench.report.Report.Analysis> analysis() {
    return analysis;
  }

  /** Size of the build context sent to the engine (0 before the first build). */
  public long contextBytes() {
    return contextBytes;
  }

  /** Per scenario, the steps of its last sample; names masked like the log. */
  public Map<Scenario, List<io.stagebench.engine.BuildStep>> lastSteps() {
    Map<Scenario, List<io.stagebench.engine.BuildStep>> out = new EnumMap<>(Scenario.class);
    lastSteps.forEach((s, steps) -> out.put(s, steps.stream()
        .map(x -> new io.stagebench.engine.BuildStep(secrets.scrub(x.name()), x.durationMillis(), x.status())).toList()));
    return out;
  }

  public Map<Scenario, List<Sample>> samples() {
    return samples;
  }

  public Map<Scenario, String> skippedScenarios() {
    return skippedScenarios;
  }

  void add(Scenario s, Sample sample) {
    samples.computeIfAbsent(s, k -> new ArrayList<>()).add(sample);
  }

  void fail(String why, List<String> tail) {
    status = "failed";
    reason = Optional.of(why);
    logTail = List.copyOf(tail);
  }

  boolean usable() {
    return status.equals("ok") || status.equals("pending");
  }

  String label() {
    return fixture.name() + "/" + variant.name() + " [" + builder + "]";
  }
}
