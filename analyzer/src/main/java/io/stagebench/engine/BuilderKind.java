package io.stagebench.engine;

import java.util.Locale;

/**
 * The builders stagebench drives through the Engine API. {@link #CLASSIC} and {@link #BUILDAH} are
 * both reached through {@code POST /build}; which one answers depends on the engine (Docker or
 * Podman), and they behave differently enough (cache mounts, cached-step reporting, timings) to be
 * reported as different builders.
 */
public enum BuilderKind {
  CLASSIC("Docker's classic builder (POST /build)"),
  BUILDKIT("BuildKit (POST /build?version=2)"),
  BUILDAH("Buildah behind Podman's Docker-compatible API (POST /build)");

  private final String description;

  BuilderKind(String description) {
    this.description = description;
  }

  /** The name used on the command line and in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The builder called {@code id} ({@code classic}, {@code buildkit}, {@code buildah}).
   *
   * @throws IllegalArgumentException for any other name, with the names that work
   */
  public static BuilderKind parse(String id) {
    for (BuilderKind k : values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown builder \"" + id + "\"; use classic, buildkit or buildah");
  }

  @Override
  public String toString() {
    return id();
  }

  public String description() {
    return description;
  }

  /**
   * The builder behind the classic endpoint ({@code POST /build} without BuildKit) of an engine of
   * {@code kind}: Docker's own, or Buildah behind Podman's API.
   */
  public static BuilderKind classicEndpointOf(EngineKind kind) {
    return kind == EngineKind.PODMAN ? BUILDAH : CLASSIC;
  }
}
