package io.stagebench.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: what one benchmark run measured. These records are the JSON template
 * (Jackson sees only them); the harness translates its results into them, so the format can be
 * versioned without bending the harness. Sizes are bytes, times milliseconds, samples kept.
 * The JSON Schema is {@code reports/schema/report.schema.json}; bump {@link #SCHEMA_VERSION} on
 * any incompatible change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record Report(
    int schemaVersion,
    Tool tool,
    Run run,
    Environment environment,
    List<FixtureResult> fixtures,
    List<Failure> failures) {
  public static final int SCHEMA_VERSION = 1;

  /** The tool that wrote the report. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Tool(String name, String version, String gitCommit) {}

  /** The run: its ID, when, with which options, and whether it finished. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Run(
      String id,
      String startedAt,
      String finishedAt,
      boolean complete,
      boolean interrupted,
      Options options) {}

  /** The options that shaped the run. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Options(
      List<String> fixtures,
      List<String> variants,
      List<String> scenarios,
      List<String> builders,
      int reps,
      int warmup,
      String shard) {}

  /** What the numbers depend on: engine, builders, host, profile and the exact base images. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Environment(
      Engine engine,
      Host host,
      String profile,
      Map<String, BaseImage> baseImages) {}

  /**
   * The engine.
   *
   * @param kind {@code docker} or {@code podman} (absent in reports of before 2026-12-07: docker)
   * @param imageStore {@code graphdriver}, {@code containerd} or {@code containers-storage} (absent
   *     before 2026-12-07: graphdriver); it decides what {@code Image.engineSizeBytes} means
   * @param negotiatedApiVersion the Engine API version stagebench spoke
   * @param engineSizeMeaning what the engine's own image size counts on this store
   * @param registryMirrors the engine's Docker Hub mirrors: a hub-profile run through a mirror may
   *     have pulled stand-ins, which the base images' IDs show
   * @param calibration the engine's own speed: one fixed build per builder, timed in this run
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Engine(
      String version, String apiVersion, String storageDriver, String os, String architecture,
      Map<String, String> builders, String kind, String imageStore, String negotiatedApiVersion,
      String engineSizeMeaning, List<String> registryMirrors, Calibration calibration) {
    public Engine(String version, String apiVersion, String storageDriver, String os, String architecture,
        Map<String, String> builders) {
      this(version, apiVersion, storageDriver, os, architecture, builders, null, null, null, null, null, null);
    }

    /** The engine's kind, {@code docker} when the report predates the field. */
    public String kindOrDefault() {
      return kind == null ? "docker" : kind;
    }

    /** The image store, {@code graphdriver} when the report predates the field. */
    public String imageStoreOrDefault() {
      return imageStore == null ? "graphdriver" : imageStore;
    }
  }

  /**
   * A fixed build timed per builder at the start of the run: the engine's speed, apart from any
   * fixture.
   *
   * @param build what was built
   * @param millis milliseconds per builder
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Calibration(String build, Map<String, Long> millis) {}

  /** The machine the engine ran on. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Host(int cpus, long memoryBytes, String javaVersion) {}

  /** A base image a profile build arg named, with the image ID it had during the run. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BaseImage(String image, String id) {}

  /** One fixture's variants and their comparisons against {@code single}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FixtureResult(
      String name,
      String path,
      String language,
      String description,
      List<VariantResult> variants,
      List<Comparison> comparisons) {}

  /** One variant: what it is, its lint findings, and its builds (one per builder). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VariantResult(
      String name,
      String dockerfile,
      String pattern,
      String target,
      boolean production,
      List<LintFinding> lint,
      List<BuildResultJson> builds) {}

  /** A lint finding on the variant's Dockerfile. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LintFinding(String rule, String severity, int line, String message, Long savingsBytes) {}

  /**
   * The variant built with one builder.
   *
   * @param status {@code ok}, {@code failed} or {@code skipped}
   * @param reason why it failed or was skipped
   * @param logTail the build log's last lines when it failed
   * @param contextBytes size of the uncompressed build context tar sent to the engine
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BuildResultJson(
      String builder,
      String status,
      String reason,
      List<String> logTail,
      Image image,
      Smoke smoke,
      Map<String, ScenarioResult> scenarios,
      Long contextBytes) {
    public BuildResultJson(String builder, String status, String reason, List<String> logTail, Image image, Smoke smoke,
        Map<String, ScenarioResult> scenarios) {
      this(builder, status, reason, logTail, image, smoke, scenarios, null);
    }
  }

  /**
   * The final image.
   *
   * @param sizeBytes the uncompressed size: the bytes of the files in the image's layers, the same
   *     on every engine and image store (equal to the engine's own size on Docker's graph drivers)
   * @param compressedBytes what a registry stores and a pull transfers
   * @param compressedSource {@code stored-blobs} (the engine's compressed blobs: exact) or
   *     {@code gzip-estimate} (each layer tar gzip-compressed at the default level)
   * @param engineSizeBytes the engine's own {@code Size}, whose meaning depends on the image store
   *     ({@code environment.engine.engineSizeMeaning})
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Image(
      String id,
      long sizeBytes,
      Long compressedBytes,
      int layerCount,
      List<Layer> layers,
      Analysis analysis,
      String compressedSource,
      Long engineSizeBytes) {
    public Image(String id, long sizeBytes, Long compressedBytes, int layerCount, List<Layer> layers, Analysis analysis) {
      this(id, sizeBytes, compressedBytes, layerCount, layers, analysis, null, null);
    }
  }

  /**
   * One layer of the final image.
   *
   * @param origin where the bytes come from: {@code base}, {@code stage:<name>} (a COPY --from),
   *     or {@code final} (the final stage's own instructions)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Layer(String diffId, long sizeBytes, String createdBy, String origin, Integer line) {}

  /**
   * Highlights of the image analysis ({@code stagebench analyze} on the engine's export).
   *
   * @param efficiency dive's image efficiency, 0..1
   * @param wastedBytes dive's wasted bytes: files stored more than once or removed later
   * @param recoverableBytes bytes in layers that the final tree does not show
   * @param residueBytes bytes of build tools and caches left in the image
   * @param residue what that residue is, largest first ({@code what (size)})
   * @param brokenBinaries ELF files whose interpreter or libraries the image lacks
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Analysis(
      Double efficiency, Long wastedBytes, Long recoverableBytes, Long residueBytes,
      List<String> residue, Integer brokenBinaries) {}

  /** The smoke check. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Smoke(boolean passed, Long millisUntilHealthy, String detail) {}

  /**
   * One scenario's samples and statistics.
   *
   * @param steps the steps of the last sample, as the builder timed them
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ScenarioResult(List<Sample> samples, Stats stats, String skipped, List<Step> steps) {
    public ScenarioResult(List<Sample> samples, Stats stats, String skipped) {
      this(samples, stats, skipped, null);
    }
  }

  /** One build step: its name, its time, and whether it came from the cache. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Step(String name, long millis, boolean cached) {}

  /** One timed build. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Sample(long wallMillis, int stepsTotal, int stepsCached, int stepsExecuted) {}

  /** Statistics with hyperfine's names, over the samples' wall times. */
  public record Stats(double mean, double stddev, double median, double min, double max, int n) {}

  /**
   * A multi-stage variant against {@code single}, per builder.
   *
   * @param sizeReductionBytes single's size minus the variant's (positive: smaller)
   * @param timeRatios per scenario, variant mean over single mean
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Comparison(
      String variant,
      String builder,
      long sizeReductionBytes,
      double sizeReductionPercent,
      int layersSingle,
      int layersVariant,
      Map<String, Double> timeRatios) {}

  /** Something that failed during the run. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Failure(String fixture, String variant, String builder, String scenario, String message) {}
}
