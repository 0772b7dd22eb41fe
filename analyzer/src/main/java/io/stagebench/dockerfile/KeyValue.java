package io.stagebench.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * One pair of an ENV, LABEL or ARG instruction, with the value as written (quotes and escapes
 * kept, as BuildKit's AST keeps them).
 *
 * @param key the key as written
 * @param rawValue the value as written; empty for {@code ARG NAME} without a default
 * @param separator {@code "="} for {@code k=v}, {@code ""} for the legacy {@code ENV k v} form and
 *     for an ARG without a default
 */
public record KeyValue(String key, Optional<String> rawValue, String separator) {
  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rawValue, "rawValue");
    Objects.requireNonNull(separator, "separator");
  }

  /**
   * The value with quotes and escapes removed but variables left as written; empty when there is
   * none. A value with unbalanced quotes is returned as written.
   */
  public Optional<String> value() {
    return rawValue.map(ShellWords::unquote);
  }
}
