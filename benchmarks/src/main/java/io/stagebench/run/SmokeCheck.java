package io.stagebench.run;

import io.stagebench.engine.ContainerInfo;
import io.stagebench.engine.ContainerSpec;
import io.stagebench.engine.Containers;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineEndpoint;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.ImageInfo;
import io.stagebench.engine.Labels;
import io.stagebench.engine.RequestRefusedException;
import io.stagebench.fixture.Fixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a built image and checks that it works, in a container with every capability dropped (but
 * what the fixture adds back), {@code no-new-privileges}, memory and process limits, and ports
 * published on 127.0.0.1 only. The container is always removed.
 */
public final class SmokeCheck {
  static final long MEMORY_LIMIT = 1L << 30;
  static final long PIDS_LIMIT = 512;

  /** The outcome: passed or not, how long until it passed, and why not. */
  public record Result(boolean passed, long millisUntilHealthy, String detail) {}

  private final Engine engine;
  private final String runId;
  private Consumer<String> onStarted = id -> {};

  public SmokeCheck(Engine engine, String runId) {
    this.engine = engine;
    this.runId = runId;
  }

  /** Called with the container's ID once it has started (tests inspect its settings there). */
  SmokeCheck onStarted(Consumer<String> hook) {
    this.onStarted = hook;
    return this;
  }

  /**
   * Runs the smoke check of {@code smoke} against {@code imageId}.
   *
   * @throws EngineException when the engine fails the container operations
   */
  public Result run(String imageId, Fixture.Smoke smoke) throws EngineException {
    Containers containers = engine.containers();
    String id = null;
    long start = System.nanoTime();
    try {
      List<String> cmd = List.of();
      Optional<ContainerSpec.Publish> publish = Optional.empty();
      if (smoke.http().isPresent()) {
        // a local engine publishes on loopback only; a remote one on its host's interfaces, where
        // this machine can reach it
        publish = Optional.of(new ContainerSpec.Publish(smoke.http().get().port(),
            engine.endpoint().local() ? EngineEndpoint.LOOPBACK : "0.0.0.0"));
      } else {
        Optional<ImageInfo> image = engine.images().inspect(imageId);
        if (image.isEmpty()) {
          return new Result(false, 0, "the container failed to start: no such image " + imageId);
        }
        cmd = commandFor(image.get(), smoke.command().get().args());
      }
      id = containers.create(new ContainerSpec(imageId, cmd, Map.of(Labels.RUN, runId), List.of("ALL"), smoke.capAdd(),
          List.of("no-new-privileges"), MEMORY_LIMIT, PIDS_LIMIT, smoke.readOnlyRootfs(), publish));
      start = System.nanoTime();
      containers.start(id);
      onStarted.accept(id);
      Result r = smoke.http().isPresent()
          ? http(id, smoke.http().get(), smoke.timeoutSeconds(), start)
          : command(id, smoke.command().get(), smoke.timeoutSeconds(), start);
      return r;
    } catch (RequestRefusedException e) {
      return new Result(false, 0, "the container failed to start: " + Messages.firstLine(e.getMessage()).strip());
    } catch (EngineException | RuntimeException e) {
      throw new EngineException("smoke check failed to talk to the engine: " + Messages.firstLine(String.valueOf(e.getMessage())).strip(), e);
    } finally {
      if (id != null) {
        try {
          containers.remove(id);
        } catch (EngineException e) {
          // the clean-up by label catches what is left
        }
      }
    }
  }

  /** Args appended to the image's entrypoint, or to its CMD when it has none. */
  static List<String> commandFor(ImageInfo image, List<String> args) {
    if (!image.entrypoint().isEmpty()) {
      return args;
    }
    List<String> out = new ArrayList<>(image.cmd());
    out.addAll(args);
    return out;
  }

  private Result http(String id, Fixture.HttpCheck check, int timeoutSeconds, long start) throws EngineException {
    // HTTP/1.1: the default (HTTP/2) sends an h2c Upgrade on plain http, which servers with an
    // upgrade handler (Next.js' standalone server) answer by closing the connection.
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
    long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    String last = "no answer yet";
    Integer hostPort = null;
    while (System.nanoTime() < deadline) {
      Optional<ContainerInfo> found = engine.containers().inspect(id);
      if (found.isEmpty()) {
        return new Result(false, 0, "the container failed to start: it is gone");
      }
      ContainerInfo c = found.get();
      if (!c.running()) {
        return new Result(false, 0, "the container exited with code " + c.exitCode() + " before answering: " + logTail(id));
      }
      if (hostPort == null && c.publishedPort(check.port()).isPresent()) {
        hostPort = c.publishedPort(check.port()).getAsInt();
      }
      List<URI> targets = new ArrayList<>();
      if (hostPort != null) {
        targets.add(URI.create("http://" + hostForUri(engine.endpoint().publishedHost()) + ":" + hostPort + check.path()));
      }
      // A local engine whose published ports are not forwarded (Podman with its firewall driver off,
      // as scripts/engine runs it) is still reachable on the container's own address.
      String ip = engine.endpoint().local() ? c.address().orElse(null) : null;
      if (ip != null) {
        targets.add(URI.create("http://" + hostForUri(ip) + ":" + check.port() + check.path()));
      }
      for (URI target : targets) {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == check.expectStatus() && r.body().contains(check.expectBodyContains())) {
            return new Result(true, (System.nanoTime() - start) / 1_000_000, "GET " + check.path() + " -> " + r.statusCode()
                + (ip != null && target.getHost().equals(ip) ? " (at the container's address)" : ""));
          }
          last = "GET " + check.path() + " answered " + r.statusCode() + " \"" + abbreviate(r.body()) + "\"";
          break;
        } catch (IOException e) {
          last = "GET " + target.getHost() + ":" + target.getPort() + check.path() + ": " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new Result(false, 0, "interrupted");
        }
      }
      sleep(200);
    }
    return new Result(false, 0, "no healthy answer within " + timeoutSeconds + " s (" + last + "): " + logTail(id));
  }

  private Result command(String id, Fixture.CommandCheck check, int timeoutSeconds, long start) {
    OptionalInt exit;
    try {
      exit = engine.containers().await(id, Duration.ofSeconds(timeoutSeconds));
    } catch (EngineException e) {
      exit = OptionalInt.empty();
    }
    if (exit.isEmpty()) {
      return new Result(false, 0, "did not exit within " + timeoutSeconds + " s");
    }
    int code = exit.getAsInt();
    long millis = (System.nanoTime() - start) / 1_000_000;
    String out = logs(id);
    if (code != 0) {
      return new Result(false, 0, "exited with code " + code + ": " + abbreviate(out));
    }
    if (!out.contains(check.expectOutputContains())) {
      return new Result(false, 0, "output lacks \"" + check.expectOutputContains() + "\": " + abbreviate(out));
    }
    return new Result(true, millis, "exit 0, output matches");
  }

  private String logs(String id) {
    try {
      return engine.containers().logs(id, Duration.ofSeconds(10));
    } catch (EngineException e) {
      return "(logs unavailable)";
    }
  }

  private String logTail(String id) {
    List<String> lines = logs(id).lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "(no output)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ').strip();
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String hostForUri(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
