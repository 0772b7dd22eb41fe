package io.stagebench.engine;

import java.util.List;

/** The Dockerfile needs something this builder cannot do; nothing was sent to the engine. */
public class UnsupportedBuildException extends BuildFailedException {
  private static final long serialVersionUID = 1L;

  public UnsupportedBuildException(String message) {
    super(message, List.of());
  }
}
