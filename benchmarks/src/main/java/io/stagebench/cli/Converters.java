package io.stagebench.cli;

import io.stagebench.engine.BuilderKind;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Typed option values: picocli reports a bad one as a usage error (exit 2) with the message given here. */
final class Converters {
  private Converters() {}

  /** {@code classic}, {@code buildkit}, {@code buildah}, or {@code both} (classic then BuildKit). */
  static final class Builders implements ITypeConverter<List<BuilderKind>> {
    @Override
    public List<BuilderKind> convert(String value) {
      if (value.equals("both")) {
        return List.of(BuilderKind.CLASSIC, BuilderKind.BUILDKIT);
      }
      try {
        return List.of(BuilderKind.parse(value));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown builder \"" + value + "\"; use classic, buildkit, buildah or both");
      }
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

  /** {@code 600}, {@code 90s}, {@code 15m}, {@code 1h}, {@code 500ms}: a positive duration, seconds by default. */
  static final class Durations implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return duration(value);
    }
  }

  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new TypeConversionException(text + " is not a positive duration; give one such as 600, 90s, 15m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
