package io.stagebench.engine;

import java.time.Duration;

/**
 * Tells, within a few seconds, whether the engine can pull public images: asks the registry for a
 * manifest through {@code GET /distribution/<image>/json}, which downloads no layer.
 */
public final class RegistryProbe {
  /** The public image asked about. */
  public static final String PROBE_IMAGE = "docker.io/library/debian:bookworm-slim";

  private final Engine engine;

  public RegistryProbe(Engine engine) {
    this.engine = engine;
  }

  /** The outcome: whether pulls work and why not. */
  public record Result(boolean canPull, String detail) {}

  /** Asks, bounded by {@code timeout}; never throws. */
  public Result probe(Duration timeout) {
    try {
      EngineHttp.Answer a =
          engine.bounded(
              "registry look-up", timeout, () -> engine.http().call("GET", "/distribution/" + PROBE_IMAGE + "/json"));
      if (a.status() == 200) {
        return new Result(true, PROBE_IMAGE + " is reachable");
      }
      return new Result(false, "registry look-up of " + PROBE_IMAGE + " failed: " + a.message());
    } catch (EngineException e) {
      return new Result(false, "registry look-up of " + PROBE_IMAGE + " gave no answer within "
          + timeout.toSeconds() + " s");
    }
  }
}
