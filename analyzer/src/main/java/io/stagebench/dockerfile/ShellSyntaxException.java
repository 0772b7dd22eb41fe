package io.stagebench.dockerfile;

/** A word that Docker's shell-word lexer rejects: an unmatched quote, a bad {@code ${...}}. */
public final class ShellSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  public ShellSyntaxException(String message) {
    super(message);
  }
}
