package io.stagebench.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The rebuild situations stagebench times. */
public enum Scenario {
  /** The fixture's own steps without the layer cache (base images present, never pulled). */
  COLD("cold"),
  /** The same context again: every step should be a cache hit. */
  WARM("warm"),
  /** The fixture's source edit, a fresh value each repetition, on a temporary copy. */
  SOURCE_EDIT("source-edit"),
  /** The fixture's dependency edit, likewise. */
  DEPS_EDIT("deps-edit");

  private final String id;

  Scenario(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The scenario with this ID. */
  public static Scenario of(String id) {
    for (Scenario s : values()) {
      if (s.id.equals(id.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scenario \"" + id + "\"; use one of "
        + String.join(", ", Arrays.stream(values()).map(Scenario::id).toList()));
  }

  public static List<Scenario> all() {
    return List.of(values());
  }
}
