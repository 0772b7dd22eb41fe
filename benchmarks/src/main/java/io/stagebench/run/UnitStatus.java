package io.stagebench.run;

import java.util.Locale;

/** Where a unit stands: reports write the lowercase {@link #id()}. */
public enum UnitStatus {
  /** Planned, or measured in part (an interrupted run). */
  PENDING,
  /** Measured: every scenario it could run has its samples. */
  OK,
  /** A build, edit or smoke check failed; the reason says which. */
  FAILED,
  /** Not run here (the engine lacks the builder, the variant does not build with it). */
  SKIPPED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status a report wrote. */
  public static UnitStatus of(String id) {
    for (UnitStatus s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown unit status \"" + id + "\"; expected pending, ok, failed or skipped");
  }
}
