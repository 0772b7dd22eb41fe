package io.stagebench.engine;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

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
    if (engine.kind() == EngineKind.PODMAN) {
      return pullProbe(timeout);
    }
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

  /** What Podman prints once the registry has answered with the manifest. */
  private static final Pattern PULLING =
      Pattern.compile("(?i)(getting image source signatures|copying blob|copying config|writing manifest|pulling fs layer|download complete|already exists|pull complete)");

  /**
   * Podman has no {@code /distribution} endpoint (it answers 404 "Not Found"), so it is asked to
   * pull the probe image, and the answer is known at its first sign of progress: the registry (or a
   * mirror) served the manifest. The connection is closed then; the image may still arrive.
   */
  private Result pullProbe(Duration timeout) {
    AtomicReference<String> error = new AtomicReference<>();
    AtomicBoolean progress = new AtomicBoolean();
    AtomicReference<Closeable> open = new AtomicReference<>();
    int colon = PROBE_IMAGE.lastIndexOf(':');
    String query = EngineHttp.query(Map.of("fromImage", PROBE_IMAGE.substring(0, colon), "tag", PROBE_IMAGE.substring(colon + 1)));
    try {
      engine.bounded("registry pull probe", timeout, () -> {
        try {
          engine.http().stream("POST", "/images/create" + query, Map.of(), null, m -> {
            if (m.has("error")) {
              error.compareAndSet(null, m.path("error").asText());
            } else if (PULLING.matcher(m.toString()).find() && progress.compareAndSet(false, true)) {
              closeQuietly(open.get());
            }
          }, open::set);
        } catch (EngineException e) {
          if (!progress.get()) {
            throw e;
          }
        }
        return null;
      });
    } catch (EngineException e) {
      if (!progress.get()) {
        closeQuietly(open.get());
        return new Result(false, "pull of " + PROBE_IMAGE + " through Podman gave no sign of progress within "
            + timeout.toSeconds() + " s" + (error.get() == null ? "" : ": " + error.get()));
      }
    }
    if (progress.get()) {
      return new Result(true, PROBE_IMAGE + " can be pulled (Podman: a pull started)");
    }
    return new Result(false, "pull of " + PROBE_IMAGE + " through Podman failed: "
        + (error.get() == null ? "no progress" : error.get()));
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException | RuntimeException e) {
        // the probe has its answer
      }
    }
  }
}
