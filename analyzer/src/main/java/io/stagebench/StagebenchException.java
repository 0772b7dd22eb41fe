package io.stagebench;

/**
 * A failure of the outside world or of the user's input that stagebench reports in one line and maps
 * to a documented exit code. Broken invariants are unchecked exceptions instead.
 */
public class StagebenchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of failure this is; the CLI maps each to its exit code. */
  public enum Category {
    /** A check ran and failed (exit 1). */
    CHECK_FAILED,
    /** The request itself is wrong: options, names, values (exit 2). */
    USAGE,
    /** The environment is not ready or an input cannot be read (exit 3). */
    ENVIRONMENT,
    /** A build or a fixture failed (exit 4). */
    BUILD_FAILED
  }

  private final Category category;

  public StagebenchException(Category category, String message) {
    super(message);
    this.category = category;
  }

  public StagebenchException(Category category, String message, Throwable cause) {
    super(message, cause);
    this.category = category;
  }

  public Category category() {
    return category;
  }
}
