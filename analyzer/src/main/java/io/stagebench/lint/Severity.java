package io.stagebench.lint;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters, most severe first; {@code --failure-threshold} compares these. */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  STYLE;

  /** The lower-case name that every output format prints. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this is at least as severe as {@code threshold}. */
  public boolean reaches(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** Parses {@code error|warning|info|style}, any case; empty for anything else. */
  public static Optional<Severity> parse(String s) {
    for (Severity v : values()) {
      if (v.label().equalsIgnoreCase(s.trim())) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
