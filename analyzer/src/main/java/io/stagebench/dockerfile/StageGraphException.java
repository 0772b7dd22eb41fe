package io.stagebench.dockerfile;

/**
 * The stages cannot be resolved: an unknown {@code --target}, a {@code ${VAR:?}} that fails, a
 * stage that refers to itself.
 */
public final class StageGraphException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int line;

  public StageGraphException(int line, String message) {
    super(line > 0 ? "line " + line + ": " + message : message);
    this.line = line;
  }

  /** The 1-based line of the instruction at fault; 0 for a problem with the arguments. */
  public int line() {
    return line;
  }
}
