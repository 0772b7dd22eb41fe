package io.stagebench.engine;

/** The one place a builder is picked. */
public final class Builders {
  private Builders() {}

  /**
   * The builder of {@code kind}. The classic endpoint is Buildah's on Podman, so {@code CLASSIC}
   * and {@code BUILDAH} both give the engine's {@link Engine#classicBuilder()}.
   */
  public static Builder of(Engine engine, BuilderKind kind) {
    return switch (kind) {
      case CLASSIC, BUILDAH -> new ClassicBuilder(engine);
      case BUILDKIT -> new BuildKitBuilder(engine);
    };
  }

  /**
   * The builder that really runs when {@code asked} is asked of {@code engine}: classic is Buildah
   * on Podman, and buildah is Docker's classic builder on Docker.
   */
  public static BuilderKind actual(EngineKind engine, BuilderKind asked) {
    return asked == BuilderKind.BUILDKIT ? asked : BuilderKind.classicEndpointOf(engine);
  }

  /** Why {@code builder} cannot run on {@code engine} at all, or null when it can. */
  public static String unavailable(EngineKind engine, BuilderKind builder) {
    if (engine == EngineKind.PODMAN && builder == BuilderKind.BUILDKIT) {
      return "Podman has no BuildKit (its builds are Buildah's: --builder classic or buildah)";
    }
    return null;
  }
}
