package io.stagebench.dockerfile;

/**
 * The line-continuation rule: the escape character as the last non-blank character continues
 * the line, unless it is itself escaped ({@code foo \\} ends the line; a lone {@code \} on a line
 * continues it).
 */
final class Continuation {
  private Continuation() {}

  /** The line without its continuation character, or null when the line does not continue. */
  static String strip(String line, char escape) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    if (end == 0 || line.charAt(end - 1) != escape) {
      return null;
    }
    if (end >= 2 && line.charAt(end - 2) == escape) {
      return null;
    }
    return line.substring(0, end - 1);
  }
}
