package io.stagebench.engine;

import io.stagebench.StagebenchException;
import java.util.List;

/** A build ran and failed; carries the tail of its log. */
public class BuildFailedException extends StagebenchException {
  private static final long serialVersionUID = 1L;
  private final List<String> logTail;

  public BuildFailedException(String message, List<String> logTail) {
    super(Category.BUILD_FAILED, message);
    this.logTail = List.copyOf(logTail);
  }

  public List<String> logTail() {
    return logTail;
  }
}
