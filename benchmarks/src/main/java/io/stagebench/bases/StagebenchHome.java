package io.stagebench.bases;

import io.stagebench.StagebenchException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stagebench checkout: the directory holding {@code fixtures/bases}. Found from
 * {@code STAGEBENCH_HOME} (the launcher sets it), else by walking up from the working directory.
 */
public final class StagebenchHome {
  private StagebenchHome() {}

  /**
   * Locates the checkout.
   *
   * @throws StagebenchException (environment) when no checkout is found
   */
  public static Path locate() throws StagebenchException {
    String env = System.getenv("STAGEBENCH_HOME");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env).toAbsolutePath().normalize();
      if (isHome(p)) {
        return p;
      }
      throw new StagebenchException(
          StagebenchException.Category.ENVIRONMENT,
          "STAGEBENCH_HOME=" + env + " is not a stagebench checkout (no fixtures/bases); fix or unset it");
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (isHome(p)) {
        return p;
      }
    }
    throw new StagebenchException(
        StagebenchException.Category.ENVIRONMENT,
        "cannot find the stagebench checkout (fixtures/bases) above " + Path.of("").toAbsolutePath()
            + "; run from the checkout or set STAGEBENCH_HOME");
  }

  public static boolean isHome(Path p) {
    return Files.isDirectory(p.resolve("fixtures").resolve("bases"))
        && Files.isDirectory(p.resolve("fixtures").resolve("profiles"));
  }

  /** Where stagebench caches what it makes outside the engine (the Debian rootfs tar). */
  public static Path cacheDir() {
    String env = System.getenv("STAGEBENCH_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("stagebench");
  }

  /** A path for messages: relative to the working directory when under it, else absolute. */
  public static String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    if (abs.equals(cwd)) {
      return ".";
    }
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}
