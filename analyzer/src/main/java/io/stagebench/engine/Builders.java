package io.stagebench.engine;

/** The one place a builder is picked by name. */
public final class Builders {
  private Builders() {}

  /** The builder called {@code name}: {@code classic} or {@code buildkit}. */
  public static Builder of(Engine engine, String name) {
    return switch (name) {
      case "classic" -> new ClassicBuilder(engine);
      case "buildkit" -> new BuildKitBuilder(engine);
      default -> throw new IllegalArgumentException("unknown builder '" + name + "'; use classic or buildkit");
    };
  }
}
