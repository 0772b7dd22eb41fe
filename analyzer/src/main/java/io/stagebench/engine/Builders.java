package io.stagebench.engine;

/** The one place a builder is picked by name. */
public final class Builders {
  private Builders() {}

  /**
   * The builder called {@code name}: {@code classic}, {@code buildkit} or {@code buildah}. The
   * classic endpoint is Buildah's on Podman, so {@code classic} and {@code buildah} both give the
   * engine's {@link Engine#classicBuilder()}, named for what it is.
   */
  public static Builder of(Engine engine, String name) {
    return switch (name) {
      case "classic", "buildah" -> new ClassicBuilder(engine);
      case "buildkit" -> new BuildKitBuilder(engine);
      default -> throw new IllegalArgumentException("unknown builder '" + name + "'; use classic, buildkit or buildah");
    };
  }

  /**
   * The builder that really runs when {@code asked} is asked of {@code engine}: {@code classic} is
   * Buildah on Podman, and {@code buildah} is Docker's classic builder on Docker.
   */
  public static String actual(EngineKind engine, String asked) {
    if (asked.equals(BuilderKind.CLASSIC.id()) || asked.equals(BuilderKind.BUILDAH.id())) {
      return BuilderKind.classicEndpointOf(engine).id();
    }
    return asked;
  }

  /** Why {@code builder} cannot run on {@code engine} at all, or null when it can. */
  public static String unavailable(EngineKind engine, String builder) {
    if (engine == EngineKind.PODMAN && builder.equals(BuilderKind.BUILDKIT.id())) {
      return "Podman has no BuildKit (its builds are Buildah's: --builder classic or buildah)";
    }
    return null;
  }
}
