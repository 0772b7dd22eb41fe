package io.stagebench.engine;

import io.stagebench.StagebenchException;

/** The Docker engine cannot be reached or refused a request; the message says what to do. */
public class EngineException extends StagebenchException {
  private static final long serialVersionUID = 1L;

  public EngineException(String message) {
    super(Category.ENVIRONMENT, message);
  }

  public EngineException(String message, Throwable cause) {
    super(Category.ENVIRONMENT, message, cause);
  }
}
