package io.stagebench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to a Docker engine: a docker-java client for what it covers and its raw HTTP
 * client ({@link EngineHttp}) for what it lacks. docker-java stays inside this package: the rest of
 * stagebench works on images and containers through {@link #images()} and {@link #containers()},
 * with stagebench's own types, and docker-java's unchecked exceptions become
 * {@link EngineException}s here.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  /** How long a ping may take before the engine counts as not answering. */
  public static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

  private final EngineEndpoint endpoint;
  private final DockerHttpClient http;
  private DockerClient client;
  private EngineHttp raw;
  private EngineKind kind = EngineKind.DOCKER;
  private ImageStore store = ImageStore.GRAPH_DRIVER;
  private ApiVersion api;
  private String storageDriver = "";
  private List<String> mirrors = List.of();
  /** The unversioned /version and /info answers read at connect: what the engine is does not change. */
  private JsonNode versionBody;
  private JsonNode infoBody;

  private Engine(EngineEndpoint endpoint, DockerHttpClient http, DockerClient client) {
    this.endpoint = endpoint;
    this.http = http;
    this.client = client;
    this.raw = new EngineHttp(http, "");
  }

  /**
   * Connects to the engine found by {@link EndpointResolver#fromSystem()} and pings it.
   *
   * @throws EngineException when no engine answers there
   */
  public static Engine connect() throws EngineException {
    return connect(EndpointResolver.fromSystem().resolve());
  }

  /**
   * Connects to the given endpoint and pings it within {@link #PING_TIMEOUT}.
   *
   * @throws EngineException when the endpoint is malformed or nothing answers there
   */
  public static Engine connect(EngineEndpoint endpoint) throws EngineException {
    DockerClientConfig config;
    try {
      config = clientConfig(endpoint, null);
    } catch (RuntimeException e) {
      throw new EngineException(
          "bad engine address " + endpoint + ": " + e.getMessage() + "; set DOCKER_HOST to unix:///path or tcp://host:port");
    }
    DockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(URI.create(endpoint.host()))
            .sslConfig(config.getSSLConfig())
            .maxConnections(16)
            .connectionTimeout(Duration.ofSeconds(5))
            .build();
    Engine engine = new Engine(endpoint, http, DockerClientImpl.getInstance(config, http));
    try {
      engine.ping();
      engine.identify();
    } catch (EngineException e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  /**
   * Asks the engine (unversioned, which every engine answers) what it is, which image store it
   * runs and which API versions it accepts, then speaks the negotiated version from here on.
   */
  private void identify() throws EngineException {
    EngineHttp.Answer version = bounded("version", PING_TIMEOUT, () -> raw.call("GET", "/version"));
    EngineHttp.Answer info = bounded("info", PING_TIMEOUT, () -> raw.call("GET", "/info"));
    if (version.status() >= 400 || info.status() >= 400) {
      throw new EngineException("the engine at " + endpoint + " answers /version or /info with an error ("
          + (version.status() >= 400 ? version.message() : info.message()) + "); is it a Docker Engine API?");
    }
    versionBody = version.body();
    infoBody = info.body();
    kind = EngineKind.fromVersion(version.body());
    store = ImageStore.fromInfo(kind, info.body());
    storageDriver = info.body().path("Driver").asText("");
    List<String> found = new ArrayList<>();
    info.body().path("RegistryConfig").path("Mirrors").forEach(x -> found.add(x.asText()));
    mirrors = List.copyOf(found);
    ApiVersion max;
    ApiVersion min;
    try {
      max = ApiVersion.parse(version.body().path("ApiVersion").asText(""));
      String m = version.body().path("MinAPIVersion").asText("");
      min = m.isBlank() ? ApiVersion.DEFAULT_MIN : ApiVersion.parse(m);
    } catch (IllegalArgumentException e) {
      throw new EngineException("the engine at " + endpoint + " states no usable API version (" + e.getMessage()
          + "); stagebench needs a Docker Engine API of 1.41 or later");
    }
    if (max.compareTo(new ApiVersion(1, 41)) < 0) {
      throw new EngineException("the engine at " + endpoint + " speaks Engine API " + max
          + "; stagebench needs 1.41 or later (Docker 20.10, Podman 4): upgrade the engine");
    }
    String forced = System.getenv("DOCKER_API_VERSION");
    try {
      api = forced != null && !forced.isBlank() ? ApiVersion.parse(forced) : ApiVersion.negotiate(max, min);
    } catch (IllegalArgumentException e) {
      throw new EngineException("DOCKER_API_VERSION=" + forced + " is not an API version; unset it or give one like 1.44");
    }
    DockerClientConfig versioned = clientConfig(endpoint, api.toString());
    client = DockerClientImpl.getInstance(versioned, http);
    raw = new EngineHttp(http, "/v" + api);
    LOG.debug("engine at {}: {} {}, store {}, API {} (engine {}..{})", endpoint, kind.display(),
        version.body().path("Version").asText(""), store.id(), api, min, max);
  }

  /** The registry mirrors the engine pulls Docker Hub images through (Docker's {@code registry-mirrors}). */
  public List<String> registryMirrors() {
    return mirrors;
  }

  /** Docker or Podman. */
  public EngineKind kind() {
    return kind;
  }

  /** Where the engine keeps image layers, which decides what its own image size means. */
  public ImageStore imageStore() {
    return store;
  }

  /**
   * The implementation behind the classic build endpoint ({@code POST /build} without BuildKit):
   * Docker's own builder, or Buildah behind Podman's API.
   */
  public BuilderKind classicBuilder() {
    return BuilderKind.classicEndpointOf(kind);
  }

  /** docker-java's configuration for the endpoint, speaking {@code apiVersion} (null: unversioned). */
  private static DockerClientConfig clientConfig(EngineEndpoint endpoint, String apiVersion) {
    DefaultDockerClientConfig.Builder b =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(endpoint.host())
            .withDockerTlsVerify(endpoint.tlsVerify());
    endpoint.certPath().ifPresent(p -> b.withDockerCertPath(p.toString()));
    if (apiVersion != null) {
      b.withApiVersion(apiVersion);
    }
    return b.build();
  }

  public EngineEndpoint endpoint() {
    return endpoint;
  }

  /**
   * The docker-java client, for this package only; its users catch {@link DockerException} and
   * turn it into an {@link EngineException} ({@link Failures}).
   */
  DockerClient client() {
    return client;
  }

  /** Inspect, history, export, pull and removal of images. */
  public Images images() {
    return new Images(this);
  }

  /** The containers stagebench runs: create, start, inspect, wait, logs, removal. */
  public Containers containers() {
    return new Containers(this);
  }

  /**
   * Lets docker-java's callbacks log the errors they hand on to stagebench, at error level; they
   * are off by default ({@code simplelogger.properties}), since stagebench reports those errors
   * itself. For {@code --verbose}; call it before the first engine call.
   */
  public static void logClientErrors() {
    System.setProperty("org.slf4j.simpleLogger.log.com.github.dockerjava.api.async.ResultCallbackTemplate", "error");
  }

  /** Raw Engine API requests for what docker-java lacks (BuildKit builds, import with changes). */
  EngineHttp http() {
    return raw;
  }

  /**
   * Pings the engine within {@link #PING_TIMEOUT}.
   *
   * @throws EngineException when it does not answer in time or answers with an error
   */
  public void ping() throws EngineException {
    bounded("ping", PING_TIMEOUT, () -> client.pingCmd().exec());
  }

  /**
   * Asks the engine for its versions, storage and free disk, and probes BuildKit.
   *
   * @throws EngineException when the engine stops answering
   */
  public EngineInfo info() throws EngineException {
    String noBuildKit = Builders.unavailable(kind, BuilderKind.BUILDKIT);
    BuildKitProbe.Result probe = noBuildKit != null ? new BuildKitProbe.Result(false, noBuildKit) : new BuildKitProbe(this).run();
    return new EngineInfo(
        endpoint,
        kind,
        store,
        text(versionBody, "Version"),
        text(versionBody, "ApiVersion"),
        api.toString(),
        text(infoBody, "OperatingSystem"),
        text(infoBody, "Architecture"),
        infoBody.path("NCPU").asInt(0),
        infoBody.path("MemTotal").asLong(0),
        storageDriver,
        text(infoBody, "DockerRootDir"),
        freeDisk(text(infoBody, "DockerRootDir")),
        probe.works(),
        probe.detail(),
        mirrors);
  }

  /** A string field of an engine answer, or null when it has none (as docker-java gives it). */
  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The engine's data root and the bytes free there (unknown for a remote engine). */
  public record Disk(String dataRoot, OptionalLong freeBytes) {}

  /**
   * Where the engine keeps images and how much room is left there.
   *
   * @throws EngineException when the engine does not answer
   */
  public Disk disk() throws EngineException {
    Info info = bounded("info", PING_TIMEOUT, () -> client.infoCmd().exec());
    return new Disk(info.getDockerRootDir(), freeDisk(info.getDockerRootDir()));
  }

  private OptionalLong freeDisk(String dataRoot) {
    if (dataRoot == null || !endpoint.host().startsWith("unix://")) {
      return OptionalLong.empty();
    }
    Path p = Path.of(dataRoot);
    try {
      return Files.exists(p) ? OptionalLong.of(Files.getFileStore(p).getUsableSpace()) : OptionalLong.empty();
    } catch (IOException e) {
      LOG.debug("cannot read free space of {}", p, e);
      return OptionalLong.empty();
    }
  }

  /** Runs one engine call with a deadline, turning docker-java's failures into one-line errors. */
  <T> T bounded(String what, Duration timeout, Callable<T> call)
      throws EngineException {
    ExecutorService ex =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "stagebench-engine-" + what);
              t.setDaemon(true);
              return t;
            });
    try {
      Future<T> f = ex.submit(call);
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new EngineException(
          "Docker engine at " + endpoint + " did not answer " + what + " within " + timeout.toSeconds()
              + " s; check that dockerd is running (scripts/docker-engine)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while waiting for the engine's " + what);
    } catch (ExecutionException e) {
      throw unreachable(what, e.getCause());
    } finally {
      ex.shutdownNow();
    }
  }

  /** The one-line error for an engine that failed a call. */
  EngineException unreachable(String what, Throwable cause) {
    String reason = rootMessage(cause);
    return new EngineException(
        "no Docker engine answers at " + endpoint + " (" + what + ": " + reason
            + "); start one with scripts/docker-engine or point DOCKER_HOST at a running engine",
        cause);
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return (m == null || m.isBlank() ? root.getClass().getSimpleName() : m).replace('\n', ' ').trim();
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the engine client", e);
    }
  }
}
