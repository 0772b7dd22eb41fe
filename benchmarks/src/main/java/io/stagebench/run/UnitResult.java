package io.stagebench.run;

import io.stagebench.Units;
import io.stagebench.engine.BuildStep;
import io.stagebench.engine.BuilderKind;
import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.Secrets;
import io.stagebench.image.ImageReport;
import io.stagebench.image.Residue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run measured for one (fixture, variant, builder). It changes only through its
 * {@code record...}, {@link #skip}, {@link #fail} and {@link #complete} methods; what it hands out
 * (reasons, log lines, layer and step names) has secret build-arg values masked.
 */
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

  /**
   * The final image: the engine's ID, its uncompressed size (the same meaning on every engine),
   * the engine's own size figure when it gave one, and its layers oldest first.
   */
  public record ImageRecord(String id, long sizeBytes, Optional<Long> engineSizeBytes, int layerCount, List<LayerFact> layers) {
    public ImageRecord {
      layers = List.copyOf(layers);
    }
  }

  /**
   * What the image analysis found, in the terms the report keeps; a field is null only when it was
   * restored from a report written before the field existed.
   */
  public record AnalysisFacts(Double efficiency, Long wastedBytes, Long recoverableBytes, Long residueBytes,
      List<String> residue, Integer brokenBinaries) {

    /** The highlights of an analysis: efficiency to 4 places, the five largest residue items. */
    static AnalysisFacts of(ImageReport r) {
      long residueBytes = r.residue().stream().mapToLong(Residue.Item::bytes).sum();
      List<String> top = r.residue().stream()
          .sorted(Comparator.comparingLong(Residue.Item::bytes).reversed())
          .limit(5)
          .map(i -> i.what() + " (" + Units.bytes(i.bytes()) + ")")
          .toList();
      return new AnalysisFacts(Math.round(r.dive().efficiency() * 10_000) / 10_000.0, r.dive().wastedBytes(),
          r.image().recoverableBytes(), residueBytes, top, r.binaries().problems().size());
    }
  }

  /**
   * The compressed size of the final image and where it came from ({@code ImageSizes}); the source
   * is null in reports older than the field.
   */
  public record Compressed(long bytes, String source) {}

  private final Fixture fixture;
  private final Fixture.Variant variant;
  private final BuilderKind builder;
  private final Secrets secrets;
  private UnitStatus status = UnitStatus.PENDING;
  private Optional<String> reason = Optional.empty();
  private List<String> logTail = List.of();
  private Optional<ImageRecord> image = Optional.empty();
  private Optional<SmokeCheck.Result> smoke = Optional.empty();
  private Optional<Compressed> compressed = Optional.empty();
  private Optional<AnalysisFacts> analysis = Optional.empty();
  private long contextBytes;
  private final Map<Scenario, List<BuildStep>> lastSteps = new EnumMap<>(Scenario.class);
  private final Map<Scenario, List<Sample>> samples = new EnumMap<>(Scenario.class);
  private final Map<Scenario, String> skippedScenarios = new EnumMap<>(Scenario.class);

  UnitResult(Fixture fixture, Fixture.Variant variant, BuilderKind builder) {
    this.fixture = fixture;
    this.variant = variant;
    this.builder = builder;
    this.secrets = Secrets.of(variant.buildArgs());
  }

  // --- what the run records

  /** The final image as built and inspected. */
  void recordImage(ImageRecord built) {
    image = Optional.of(built);
  }

  void recordSmoke(SmokeCheck.Result result) {
    smoke = Optional.of(result);
  }

  void recordAnalysis(AnalysisFacts facts, Optional<Compressed> compressedSize) {
    analysis = Optional.of(facts);
    compressed = compressedSize;
  }

  /** Size of the build context the last build sent. */
  void recordContext(long bytes) {
    contextBytes = bytes;
  }

  /** A timed sample of {@code s}, and the steps of that build (the last sample's are kept). */
  void recordSample(Scenario s, Sample sample, List<BuildStep> steps) {
    samples.computeIfAbsent(s, k -> new ArrayList<>()).add(sample);
    if (steps != null) {
      lastSteps.put(s, List.copyOf(steps));
    }
  }

  /** The steps of the last sample of {@code s}, restored on their own from a report. */
  void recordSteps(Scenario s, List<BuildStep> steps) {
    lastSteps.put(s, List.copyOf(steps));
  }

  /** A compressed size without an analysis (restored from a report). */
  void recordCompressed(Optional<Compressed> compressedSize) {
    compressed = compressedSize;
  }

  /** The scenario cannot be measured for this unit (e.g. no edit declared); the others go on. */
  void skipScenario(Scenario s, String why) {
    skippedScenarios.put(s, why);
  }

  /** The unit cannot run here at all (e.g. the engine lacks the builder). */
  void skip(String why) {
    status = UnitStatus.SKIPPED;
    reason = Optional.of(why);
  }

  void fail(String why, List<String> tail) {
    status = UnitStatus.FAILED;
    reason = Optional.of(why);
    logTail = List.copyOf(tail);
  }

  /** A unit still pending at the end of the run measured everything it could. */
  void complete() {
    if (status == UnitStatus.PENDING) {
      status = UnitStatus.OK;
    }
  }

  /** Restores what an earlier report recorded as the unit's outcome (for {@code --resume}). */
  void restoreOutcome(UnitStatus s, Optional<String> why, List<String> tail) {
    status = s;
    reason = why;
    logTail = List.copyOf(tail);
  }

  // --- what the run and the report read

  public Fixture fixture() {
    return fixture;
  }

  public Fixture.Variant variant() {
    return variant;
  }

  public BuilderKind builder() {
    return builder;
  }

  public UnitStatus status() {
    return status;
  }

  /** Still to be measured, or measured so far without failing. */
  boolean usable() {
    return status == UnitStatus.OK || status == UnitStatus.PENDING;
  }

  /** Why it failed or was skipped, with secret build-arg values masked. */
  public Optional<String> reason() {
    return reason.map(secrets::scrub);
  }

  /** The build log's last lines, with secret build-arg values masked. */
  public List<String> logTail() {
    return secrets.scrub(logTail);
  }

  /** The final image, with its layers' commands masked (a classic build's history shows build args). */
  public Optional<ImageRecord> image() {
    return image.map(i -> new ImageRecord(i.id(), i.sizeBytes(), i.engineSizeBytes(), i.layerCount(), i.layers().stream()
        .map(l -> new LayerFact(secrets.scrub(l.createdBy()), l.sizeBytes(), l.base(), l.origin(), l.line()))
        .toList()));
  }

  public Optional<String> imageId() {
    return image.map(ImageRecord::id);
  }

  /** The final image's uncompressed size; 0 before it is built. */
  public long sizeBytes() {
    return image.map(ImageRecord::sizeBytes).orElse(0L);
  }

  public int layerCount() {
    return image.map(ImageRecord::layerCount).orElse(0);
  }

  /** The final image's layers, masked; empty before it is built. */
  public List<LayerFact> layers() {
    return image().map(ImageRecord::layers).orElse(List.of());
  }

  public Optional<SmokeCheck.Result> smoke() {
    return smoke;
  }

  /** The final image's compressed size, when analysed. */
  public Optional<Compressed> compressed() {
    return compressed;
  }

  /** Highlights of the final image's analysis, when analysed. */
  public Optional<AnalysisFacts> analysis() {
    return analysis;
  }

  /** Size of the build context sent to the engine (0 before the first build). */
  public long contextBytes() {
    return contextBytes;
  }

  /** Per scenario, the steps of its last sample; names masked like the log. */
  public Map<Scenario, List<BuildStep>> lastSteps() {
    Map<Scenario, List<BuildStep>> out = new EnumMap<>(Scenario.class);
    lastSteps.forEach((s, steps) -> out.put(s, steps.stream()
        .map(x -> new BuildStep(secrets.scrub(x.name()), x.durationMillis(), x.status())).toList()));
    return out;
  }

  /** The samples taken so far, per scenario (read-only). */
  public Map<Scenario, List<Sample>> samples() {
    Map<Scenario, List<Sample>> out = new EnumMap<>(Scenario.class);
    samples.forEach((s, l) -> out.put(s, List.copyOf(l)));
    return Collections.unmodifiableMap(out);
  }

  /** Samples taken so far of {@code s}. */
  int sampleCount(Scenario s) {
    return samples.getOrDefault(s, List.of()).size();
  }

  public Map<Scenario, String> skippedScenarios() {
    return Collections.unmodifiableMap(new EnumMap<>(skippedScenarios));
  }

  boolean skipped(Scenario s) {
    return skippedScenarios.containsKey(s);
  }

  String label() {
    return fixture.name() + "/" + variant.name() + " [" + builder.id() + "]";
  }
}
