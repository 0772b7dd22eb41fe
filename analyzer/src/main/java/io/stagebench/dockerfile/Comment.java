package io.stagebench.dockerfile;

import java.util.Objects;

/**
 * A comment line. Lint pragmas such as {@code # hadolint ignore=DL3008} are comments on the line
 * before an instruction; {@link Dockerfile#commentsBefore(Instruction)} finds them.
 *
 * @param line the 1-based line number
 * @param text the text after {@code #}, trimmed
 */
public record Comment(int line, String text) {
  public Comment {
    Objects.requireNonNull(text, "text");
  }
}
