package io.stagebench.dockerfile;

import java.util.Objects;

/**
 * A parser directive at the top of the file: {@code # syntax=...}, {@code # escape=...} or {@code
 * # check=...}.
 *
 * @param name the directive name in lower case
 * @param value the value, trimmed
 * @param line the 1-based line number
 */
public record Directive(String name, String value, int line) {
  public Directive {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
