package io.stagebench.cli;

import io.stagebench.engine.BuilderKind;
import io.stagebench.run.BenchOptions;
import io.stagebench.run.Scenario;
import io.stagebench.run.Shard;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** How {@code bench} measures: scenarios, builders, samples and the shard. */
final class MeasureOptions {
  @Option(names = "--scenarios", split = ",", paramLabel = "S", defaultValue = "cold,warm,source-edit,deps-edit",
      description = "Scenarios in order (default: ${DEFAULT-VALUE}).")
  List<String> scenarios;

  @Option(names = "--builder", defaultValue = "both", paramLabel = "B", converter = Converters.Builders.class,
      description = "classic, buildkit, buildah or both (default: ${DEFAULT-VALUE}). On Podman the classic "
          + "endpoint is Buildah's, so classic runs (and is reported as) buildah and buildkit is skipped.")
  List<BuilderKind> builders;

  @Option(names = "--reps", defaultValue = "3", description = "Samples per scenario other than cold (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(names = "--cold-reps", defaultValue = "1", description = "Samples of the cold scenario (default: ${DEFAULT-VALUE}).")
  int coldReps;

  @Option(names = "--warmup", defaultValue = "0", description = "Discarded samples before each scenario (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1", description = "Measure the I-th of N slices of the units.")
  String shard;

  @Option(names = "--keep-images", description = "Keep the final images (tagged sbrun/<fixture>:<variant>-<builder>-<run>).")
  boolean keepImages;

  /**
   * The options for {@code fixtures} and {@code variants}.
   *
   * @throws IllegalArgumentException for an unknown scenario, a bad shard or counts out of range
   */
  BenchOptions toOptions(List<String> fixtures, Optional<Set<String>> variants) {
    return new BenchOptions(fixtures, variants, scenarios.stream().map(Scenario::of).distinct().toList(),
        builders, reps, coldReps, warmup, Shard.parse(shard), keepImages);
  }
}
