package io.stagebench.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the Docker engine is and how to talk to it.
 *
 * @param host the engine address ({@code unix:///var/run/docker.sock}, {@code tcp://host:2376})
 * @param tlsVerify whether to use TLS and verify the engine's certificate
 * @param certPath directory with {@code ca.pem}, {@code cert.pem}, {@code key.pem} when TLS is on
 * @param source how the endpoint was found, for messages ({@code DOCKER_HOST}, {@code context "x"})
 */
public record EngineEndpoint(String host, boolean tlsVerify, Optional<Path> certPath, String source) {
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  public EngineEndpoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
  }

  /**
   * The address at which this machine reaches ports the engine publishes: the loopback address for
   * a local socket, the engine's host for {@code tcp://HOST:PORT} and {@code ssh://[USER@]HOST[:PORT]}.
   */
  public String publishedHost() {
    String rest;
    if (host.startsWith("tcp://") || host.startsWith("http://") || host.startsWith("https://")) {
      rest = host.substring(host.indexOf("://") + 3);
    } else if (host.startsWith("ssh://")) {
      rest = host.substring(6);
      int at = rest.lastIndexOf('@');
      rest = at >= 0 ? rest.substring(at + 1) : rest;
    } else {
      return LOOPBACK;
    }
    int slash = rest.indexOf('/');
    rest = slash >= 0 ? rest.substring(0, slash) : rest;
    if (rest.startsWith("[")) {
      int end = rest.indexOf(']');
      return end > 0 ? rest.substring(1, end) : rest;
    }
    int colon = rest.lastIndexOf(':');
    String h = colon >= 0 ? rest.substring(0, colon) : rest;
    return h.isEmpty() || h.equals("localhost") ? LOOPBACK : h;
  }

  /** Whether the engine runs on this machine (its published ports are on our loopback). */
  public boolean local() {
    return publishedHost().equals(LOOPBACK);
  }

  /** The loopback address. */
  public static final String LOOPBACK = "127.0.0.1";

  @Override
  public String toString() {
    return host + " (" + source + (tlsVerify ? ", TLS" : "") + ")";
  }
}
