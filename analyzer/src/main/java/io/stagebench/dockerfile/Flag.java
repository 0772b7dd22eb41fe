package io.stagebench.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * A builder flag written before an instruction's arguments, such as {@code --from=build}.
 *
 * @param name the flag name without the leading dashes ({@code from})
 * @param value the text after the first {@code =}, quotes already removed as BuildKit does;
 *     empty for a bare flag such as {@code --link}
 * @param raw the flag as BuildKit keeps it ({@code --from=build}), which is what its dump prints
 */
public record Flag(String name, Optional<String> value, String raw) {
  public Flag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(raw, "raw");
  }

  /** Splits one flag word as BuildKit's flag extraction returns it ({@code --name[=value]}). */
  static Flag fromRaw(String raw) {
    String body = raw.startsWith("--") ? raw.substring(2) : raw;
    int eq = body.indexOf('=');
    if (eq < 0) {
      return new Flag(body, Optional.empty(), raw);
    }
    return new Flag(body.substring(0, eq), Optional.of(body.substring(eq + 1)), raw);
  }

  /** The value, or {@code "true"} for a bare boolean flag, as BuildKit reads {@code --link}. */
  public String valueOrTrue() {
    return value.orElse("true");
  }
}
