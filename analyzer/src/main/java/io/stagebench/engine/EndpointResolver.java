package io.stagebench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the engine the way the docker CLI does, in order: {@code DOCKER_HOST}; the context named by
 * {@code DOCKER_CONTEXT} or the config's {@code currentContext}; the default socket. TLS follows
 * {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} (default {@code ~/.docker}), or the
 * context's own TLS material.
 */
public final class EndpointResolver {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> env;
  private final Path dockerConfigDir;

  /**
   * @param env the environment variables to read
   * @param home the user's home directory ({@code DOCKER_CONFIG} in env overrides its {@code .docker})
   */
  public EndpointResolver(Map<String, String> env, Path home) {
    this.env = Map.copyOf(env);
    String configDir = env.get("DOCKER_CONFIG");
    this.dockerConfigDir =
        configDir != null && !configDir.isBlank() ? Path.of(configDir) : home.resolve(".docker");
  }

  /** The resolver for this process's environment. */
  public static EndpointResolver fromSystem() {
    return new EndpointResolver(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * Resolves the endpoint.
   *
   * @throws EngineException when a named context does not exist or its metadata is unreadable
   */
  public EngineEndpoint resolve() throws EngineException {
    String host = env.get("DOCKER_HOST");
    if (host != null && !host.isBlank()) {
      return new EngineEndpoint(host.trim(), tlsFromEnv(), certPathFromEnv(), "DOCKER_HOST");
    }
    Optional<String> context = contextName();
    if (context.isPresent() && !context.get().equals("default")) {
      return fromContext(context.get());
    }
    return new EngineEndpoint(
        EngineEndpoint.DEFAULT_HOST, tlsFromEnv(), certPathFromEnv(), "default socket");
  }

  private boolean tlsFromEnv() {
    String v = env.get("DOCKER_TLS_VERIFY");
    return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
  }

  private Optional<Path> certPathFromEnv() {
    if (!tlsFromEnv()) {
      return Optional.empty();
    }
    String p = env.get("DOCKER_CERT_PATH");
    return Optional.of(p != null && !p.isBlank() ? Path.of(p) : dockerConfigDir);
  }

  private Optional<String> contextName() throws EngineException {
    String fromEnv = env.get("DOCKER_CONTEXT");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.trim());
    }
    Path config = dockerConfigDir.resolve("config.json");
    if (!Files.isRegularFile(config)) {
      return Optional.empty();
    }
    try {
      JsonNode current = JSON.readTree(config.toFile()).path("currentContext");
      return current.isTextual() && !current.asText().isBlank()
          ? Optional.of(current.asText())
          : Optional.empty();
    } catch (IOException e) {
      throw new EngineException(
          "cannot read " + config + ": " + e.getMessage() + "; fix or remove that file");
    }
  }

  private EngineEndpoint fromContext(String name) throws EngineException {
    String id = sha256Hex(name);
    Path meta = dockerConfigDir.resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
    if (!Files.isRegularFile(meta)) {
      throw new EngineException(
          "docker context \""
              + name
              + "\" does not exist; run `docker context ls` or unset DOCKER_CONTEXT");
    }
    try {
      JsonNode endpoint = JSON.readTree(meta.toFile()).path("Endpoints").path("docker");
      String host = endpoint.path("Host").asText("");
      if (host.isBlank()) {
        throw new EngineException(
            "docker context \"" + name + "\" has no docker endpoint; recreate it with `docker context create`");
      }
      Path tls = dockerConfigDir.resolve("contexts").resolve("tls").resolve(id).resolve("docker");
      boolean skipVerify = endpoint.path("SkipTLSVerify").asBoolean(false);
      boolean hasTls = Files.isRegularFile(tls.resolve("ca.pem")) && !skipVerify;
      return new EngineEndpoint(
          host, hasTls, hasTls ? Optional.of(tls) : Optional.empty(), "context \"" + name + "\"");
    } catch (IOException e) {
      throw new EngineException("cannot read " + meta + ": " + e.getMessage());
    }
  }

  static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
