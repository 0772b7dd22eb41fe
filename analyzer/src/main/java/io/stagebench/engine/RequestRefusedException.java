package io.stagebench.engine;

/**
 * The engine is up and answered a request with an error: no such image, a conflict, a container
 * that cannot start (or the request is one it would refuse, like an unknown capability). Callers that treat a refusal as a result (a failed smoke check) rather than as
 * a broken environment catch this before {@link EngineException}.
 */
public class RequestRefusedException extends EngineException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public RequestRefusedException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the engine answered with. */
  public int status() {
    return status;
  }
}
