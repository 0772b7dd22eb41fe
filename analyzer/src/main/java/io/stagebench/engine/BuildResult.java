package io.stagebench.engine;

import java.util.List;

/**
 * What a build gave. Both builders fill it the same way; see {@link BuildStep} for what a step is.
 *
 * @param imageId the image ID ({@code sha256:...})
 * @param wallMillis wall time from packing the context to the image ID
 * @param stepsTotal steps the builder ran or took from cache
 * @param stepsCached steps taken from the layer cache
 * @param logTail the last lines of the build output
 * @param stepsExecuted steps that ran ({@code stepsTotal - stepsCached}); 0 for a fully cached build
 * @param steps every step in the order the builder finished them
 * @param contextBytes size of the uncompressed context tar sent to the engine
 * @param warnings things the user should know (a context above 50 MB)
 */
public record BuildResult(
    String imageId,
    long wallMillis,
    int stepsTotal,
    int stepsCached,
    List<String> logTail,
    int stepsExecuted,
    List<BuildStep> steps,
    long contextBytes,
    List<String> warnings) {
  public BuildResult {
    logTail = List.copyOf(logTail);
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
  }

  /** The older shape: counts only, no per-step detail. */
  public BuildResult(String imageId, long wallMillis, int stepsTotal, int stepsCached, List<String> logTail) {
    this(imageId, wallMillis, stepsTotal, stepsCached, logTail, Math.max(0, stepsTotal - stepsCached),
        List.of(), 0L, List.of());
  }

  /** A result from its steps. */
  static BuildResult of(String imageId, long wallMillis, List<BuildStep> steps, long contextBytes,
      List<String> logTail, List<String> warnings) {
    int cached = (int) steps.stream().filter(s -> s.status() == BuildStep.Status.CACHED).count();
    return new BuildResult(imageId, wallMillis, steps.size(), cached, logTail, steps.size() - cached,
        steps, contextBytes, warnings);
  }
}
