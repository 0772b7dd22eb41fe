package io.stagebench.run;

import io.stagebench.engine.BuilderKind;
import io.stagebench.engine.Builders;
import io.stagebench.engine.EngineKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code stagebench bench} measures.
 *
 * @param fixtures fixture names (empty: all)
 * @param variants variant names to keep (empty: all)
 * @param scenarios the scenarios, in order
 * @param builders the builders, in order
 * @param reps samples per scenario other than cold
 * @param coldReps samples of the cold scenario
 * @param warmup discarded samples before each scenario's reps
 * @param shard this process's share of the units
 * @param keepImages keep the final images after the run
 */
public record BenchOptions(
    List<String> fixtures,
    Optional<Set<String>> variants,
    List<Scenario> scenarios,
    List<BuilderKind> builders,
    int reps,
    int coldReps,
    int warmup,
    Shard shard,
    boolean keepImages) {
  public BenchOptions {
    fixtures = List.copyOf(fixtures);
    variants = variants.map(Set::copyOf);
    scenarios = List.copyOf(scenarios);
    builders = List.copyOf(builders);
    if (reps < 1 || coldReps < 1 || warmup < 0) {
      throw new IllegalArgumentException("--reps and --cold-reps must be at least 1, --warmup at least 0");
    }
    if (scenarios.isEmpty() || builders.isEmpty()) {
      throw new IllegalArgumentException("at least one scenario and one builder are needed");
    }
  }

  /**
   * The same options with each builder named for what runs on {@code engine}: {@code classic} is
   * Buildah on Podman ({@link Builders#actual}); duplicates dropped.
   */
  public BenchOptions onEngine(EngineKind engine) {
    List<BuilderKind> actual = builders.stream().map(b -> Builders.actual(engine, b)).distinct().toList();
    return new BenchOptions(fixtures, variants, scenarios, actual, reps, coldReps, warmup, shard, keepImages);
  }

  /** Samples taken for {@code s}. */
  public int repsFor(Scenario s) {
    return s == Scenario.COLD ? coldReps : reps;
  }
}
