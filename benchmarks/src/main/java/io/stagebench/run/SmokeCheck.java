package io.stagebench.run;

import io.stagebench.fixture.Fixture;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineEndpoint;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.Labels;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
  private java.util.function.Consumer<String> onStarted = id -> {};

  public SmokeCheck(Engine engine, String runId) {
    this.engine = engine;
    this.runId = runId;
  }

  /** Called with the container's ID once it has started (tests inspect its settings there). */
  SmokeCheck onStarted(java.util.function.Consumer<String> hook) {
    this.onStarted = hook;
    return this;
  }

  /**
   * Runs the smoke check of {@code smoke} against {@code imageId}.
   *
   * @throws EngineException when the engine fails the container operations
   */
  public Result run(String imageId, Fixture.Smoke smoke) throws EngineException {
    DockerClient client = engine.client();
    HostConfig host = HostConfig.newHostConfig()
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withMemory(MEMORY_LIMIT)
        .withPidsLimit(PIDS_LIMIT)
        .withReadonlyRootfs(smoke.readOnlyRootfs());
    if (!smoke.capAdd().isEmpty()) {
      host.withCapAdd(smoke.capAdd().stream().map(Capability::valueOf).toArray(Capability[]::new));
    }
    String id = null;
    long start = System.nanoTime();
    try {
      var create = client.createContainerCmd(imageId).withLabels(Map.of(Labels.RUN, runId));
      if (smoke.http().isPresent()) {
        ExposedPort port = ExposedPort.tcp(smoke.http().get().port());
        Ports bindings = new Ports();
        // a local engine publishes on loopback only; a remote one on its host's interfaces, where
        // this machine can reach it
        bindings.bind(port, new Ports.Binding(engine.endpoint().local() ? EngineEndpoint.LOOPBACK : "0.0.0.0", null));
        host.withPortBindings(bindings);
        create.withExposedPorts(port);
      } else {
        create.withCmd(commandFor(client.inspectImageCmd(imageId).exec(), smoke.command().get().args()));
      }
      CreateContainerResponse created = create.withHostConfig(host).exec();
      id = created.getId();
      start = System.nanoTime();
      client.startContainerCmd(id).exec();
      onStarted.accept(id);
      Result r = smoke.http().isPresent()
          ? http(id, smoke.http().get(), smoke.timeoutSeconds(), start)
          : command(id, smoke.command().get(), smoke.timeoutSeconds(), start);
      return r;
    } catch (DockerException e) {
      return new Result(false, 0, "the container failed to start: " + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      throw new EngineException("smoke check failed to talk to the engine: " + firstLine(String.valueOf(e.getMessage())), e);
    } finally {
      if (id != null) {
        try {
          client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
          // already removed
        } catch (RuntimeException e) {
          // the clean-up by label catches what is left
        }
      }
    }
  }

  /** Args appended to the image's entrypoint, or to its CMD when it has none. */
  static List<String> commandFor(InspectImageResponse image, List<String> args) {
    String[] entrypoint = image.getConfig() == null ? null : image.getConfig().getEntrypoint();
    if (entrypoint != null && entrypoint.length > 0) {
      return args;
    }
    String[] cmd = image.getConfig() == null ? null : image.getConfig().getCmd();
    List<String> out = new ArrayList<>(cmd == null ? List.of() : Arrays.asList(cmd));
    out.addAll(args);
    return out;
  }

  private Result http(String id, Fixture.HttpCheck check, int timeoutSeconds, long start) throws EngineException {
    DockerClient client = engine.client();
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
      InspectContainerResponse c = client.inspectContainerCmd(id).exec();
      if (!Boolean.TRUE.equals(c.getState().getRunning())) {
        return new Result(false, 0, "the container exited with code " + c.getState().getExitCodeLong()
            + " before answering: " + logTail(id));
      }
      if (hostPort == null) {
        Ports.Binding[] b = c.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(check.port()));
        if (b != null && b.length > 0) {
          hostPort = Integer.parseInt(b[0].getHostPortSpec());
        }
      }
      List<URI> targets = new java.util.ArrayList<>();
      if (hostPort != null) {
        targets.add(URI.create("http://" + hostForUri(engine.endpoint().publishedHost()) + ":" + hostPort + check.path()));
      }
      // A local engine whose published ports are not forwarded (Podman with its firewall driver off,
      // as scripts/engine runs it) is still reachable on the container's own address.
      String ip = engine.endpoint().local() ? containerAddress(c) : null;
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
    DockerClient client = engine.client();
    Integer code;
    try {
      code = client.waitContainerCmd(id).start().awaitStatusCode(timeoutSeconds, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      return new Result(false, 0, "did not exit within " + timeoutSeconds + " s");
    }
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
    StringBuilder sb = new StringBuilder();
    try {
      engine.client().logContainerCmd(id).withStdOut(true).withStdErr(true)
          .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame f) {
              sb.append(new String(f.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
          }).awaitCompletion(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      sb.append("(logs unavailable)");
    }
    return sb.toString();
  }

  private String logTail(String id) {
    List<String> lines = logs(id).lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "(no output)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ').strip();
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").strip();
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

  /** The container's address on its first network with one, or null. */
  private static String containerAddress(InspectContainerResponse c) {
    if (c.getNetworkSettings() == null) {
      return null;
    }
    if (c.getNetworkSettings().getNetworks() != null) {
      for (var n : c.getNetworkSettings().getNetworks().values()) {
        if (n.getIpAddress() != null && !n.getIpAddress().isBlank()) {
          return n.getIpAddress();
        }
      }
    }
    String ip = c.getNetworkSettings().getIpAddress();
    return ip == null || ip.isBlank() ? null : ip;
  }
}
