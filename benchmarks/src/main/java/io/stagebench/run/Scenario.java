package io.stagebench.run;

import io.stagebench.fixture.Fixture;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

  /** Whether the scenario edits a copy of the fixture before each sample. */
  public boolean isEdit() {
    return this == SOURCE_EDIT || this == DEPS_EDIT;
  }

  /** The fixture's edit for this scenario; empty for cold and warm, or when it declares none. */
  public Optional<Fixture.Edit> editOf(Fixture f) {
    return this == SOURCE_EDIT ? f.sourceEdit() : this == DEPS_EDIT ? f.depsEdit() : Optional.empty();
  }

  public static List<Scenario> all() {
    return List.of(values());
  }
}
