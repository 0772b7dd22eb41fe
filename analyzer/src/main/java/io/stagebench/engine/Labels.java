package io.stagebench.engine;

/** Labels stagebench puts on everything it creates in the engine, so it can find and remove it. */
public final class Labels {
  /** Every image, container and build of a run: {@code io.stagebench.run=<runId>}. */
  public static final String RUN = "io.stagebench.run";
  /** Offline base images: {@code io.stagebench.base=<name>}; kept across runs. */
  public static final String BASE = "io.stagebench.base";
  /** Digest of a base's definition, to tell a stale base from a current one. */
  public static final String BASE_DIGEST = "io.stagebench.base.digest";

  private Labels() {}
}
