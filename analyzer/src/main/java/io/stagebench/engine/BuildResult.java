package io.stagebench.engine;

import java.util.List;

/**
 * What a build gave.
 *
 * @param imageId the image ID ({@code sha256:...})
 * @param wallMillis wall time from sending the context to the image ID
 * @param stepsTotal steps the builder ran or took from cache
 * @param stepsCached steps taken from the layer cache
 * @param logTail the last lines of the build output
 */
public record BuildResult(
    String imageId, long wallMillis, int stepsTotal, int stepsCached, List<String> logTail) {
  public BuildResult {
    logTail = List.copyOf(logTail);
  }
}
