package io.stagebench.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One image build.
 *
 * @param contextDir the build context directory
 * @param dockerfile the Dockerfile, relative to the context
 * @param target the stage to build, or empty for the last
 * @param buildArgs {@code --build-arg} values
 * @param labels labels for the image (and, with BuildKit, nothing else)
 * @param tags tags to give the image
 * @param noCache build every step without the layer cache
 */
public record BuildRequest(
    Path contextDir,
    String dockerfile,
    Optional<String> target,
    Map<String, String> buildArgs,
    Map<String, String> labels,
    Set<String> tags,
    boolean noCache) {
  public BuildRequest {
    buildArgs = Map.copyOf(buildArgs);
    labels = Map.copyOf(labels);
    tags = Set.copyOf(tags);
  }
}
