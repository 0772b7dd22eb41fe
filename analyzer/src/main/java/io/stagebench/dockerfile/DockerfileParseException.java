package io.stagebench.dockerfile;

/**
 * A Dockerfile that Docker would refuse to parse. Carries the 1-based line and column of the
 * problem and a one-line message without the location, so callers can format both.
 */
public final class DockerfileParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String reason;

  public DockerfileParseException(int line, int column, String reason) {
    super("line " + line + ":" + column + ": " + reason);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** The 1-based line of the problem (0 when the file is empty). */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, 1 when only the line is known. */
  public int column() {
    return column;
  }

  /** The message without the location. */
  public String reason() {
    return reason;
  }
}
