package io.stagebench.engine;

/**
 * Engine API versions ({@code 1.41}) and the negotiation the docker CLI does: speak the newest
 * version both sides know, and never one the engine refuses (Docker 29 refuses anything below
 * 1.44, Podman's compatible API stops at 1.41).
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
  /** The newest Engine API version the bundled docker-java knows its way around. */
  public static final ApiVersion CLIENT_MAX = new ApiVersion(1, 44);
  /** What an engine that states no minimum accepts. */
  static final ApiVersion DEFAULT_MIN = new ApiVersion(1, 24);

  /**
   * Parses {@code 1.41}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static ApiVersion parse(String s) {
    String t = s == null ? "" : s.trim();
    if (t.startsWith("v")) {
      t = t.substring(1);
    }
    int dot = t.indexOf('.');
    try {
      if (dot < 0) {
        throw new NumberFormatException();
      }
      return new ApiVersion(Integer.parseInt(t.substring(0, dot)), Integer.parseInt(t.substring(dot + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an Engine API version: \"" + s + "\"");
    }
  }

  /**
   * The version to speak with an engine that offers {@code engineMax} and accepts at least
   * {@code engineMin}: the newer of the engine's minimum and the older of its maximum and
   * {@link #CLIENT_MAX}. Past docker-java's range the engine's minimum is used, since a request
   * the engine refuses is worse than one docker-java has not seen.
   */
  public static ApiVersion negotiate(ApiVersion engineMax, ApiVersion engineMin) {
    ApiVersion v = engineMax.compareTo(CLIENT_MAX) < 0 ? engineMax : CLIENT_MAX;
    return engineMin != null && v.compareTo(engineMin) < 0 ? engineMin : v;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
