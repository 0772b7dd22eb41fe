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

  @Override
  public String toString() {
    return host + " (" + source + (tlsVerify ? ", TLS" : "") + ")";
  }
}
