package io.stagebench.engine;

/** Builds images: {@link ClassicBuilder} or {@link BuildKitBuilder}, chosen by {@link Builders#of}. */
public interface Builder {
  /** {@code classic} or {@code buildkit}. */
  String name();

  /**
   * Builds the image.
   *
   * @throws UnsupportedBuildException when the Dockerfile needs a feature this builder lacks
   * @throws BuildFailedException when the Dockerfile fails to build (with the log tail)
   * @throws EngineException when the engine cannot be reached
   */
  BuildResult build(BuildRequest request) throws BuildFailedException, EngineException;

  /** Stops the build in flight, if any; its {@code build} call then ends with an exception. */
  void cancel();
}
