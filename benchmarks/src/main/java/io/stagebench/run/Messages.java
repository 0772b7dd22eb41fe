package io.stagebench.run;

/** Exception messages as the run's one-line reports take them. */
final class Messages {
  private Messages() {}

  /** The first line of {@code message}; empty for null or empty. */
  static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
