package io.stagebench.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The containers stagebench runs (smoke checks): create, start, watch, read and remove. Failures are
 * {@link EngineException}s, and {@link RequestRefusedException}s when the engine answered with an
 * error (an image that cannot run, a port in use), so a caller can tell a container that would not
 * start from an engine that went away.
 */
public final class Containers {
  private final Engine engine;

  Containers(Engine engine) {
    this.engine = engine;
  }

  /**
   * Creates a container (not started).
   *
   * @return its ID
   * @throws RequestRefusedException when a capability is unknown, or the engine refuses
   * @throws EngineException when the engine cannot be asked
   */
  public String create(ContainerSpec spec) throws EngineException {
    HostConfig host = HostConfig.newHostConfig()
        .withSecurityOpts(spec.securityOpts())
        .withReadonlyRootfs(spec.readOnlyRootfs());
    if (!spec.capDrop().isEmpty()) {
      host.withCapDrop(capabilities(spec.capDrop()));
    }
    if (!spec.capAdd().isEmpty()) {
      host.withCapAdd(capabilities(spec.capAdd()));
    }
    if (spec.memoryBytes() > 0) {
      host.withMemory(spec.memoryBytes());
    }
    if (spec.pidsLimit() > 0) {
      host.withPidsLimit(spec.pidsLimit());
    }
    try {
      CreateContainerCmd create = engine.client().createContainerCmd(spec.image()).withLabels(spec.labels());
      if (!spec.cmd().isEmpty()) {
        create.withCmd(spec.cmd());
      }
      if (spec.publish().isPresent()) {
        ExposedPort port = ExposedPort.tcp(spec.publish().get().containerPort());
        Ports bindings = new Ports();
        bindings.bind(port, new Ports.Binding(spec.publish().get().hostAddress(), null));
        host.withPortBindings(bindings);
        create.withExposedPorts(port);
      }
      return create.withHostConfig(host).exec().getId();
    } catch (RuntimeException e) {
      throw Failures.of("cannot create a container of " + spec.image(), e);
    }
  }

  private static Capability[] capabilities(List<String> names) throws EngineException {
    Capability[] out = new Capability[names.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = Capability.valueOf(names.get(i));
      } catch (IllegalArgumentException e) {
        // what the engine answers for one too: a refusal of the request, not a broken engine
        throw new RequestRefusedException("unknown capability " + names.get(i) + " (Docker's names, like NET_BIND_SERVICE)",
            400, e);
      }
    }
    return out;
  }

  /**
   * Starts a created container.
   *
   * @throws EngineException when the engine cannot be asked, or refuses (the process cannot start)
   */
  public void start(String id) throws EngineException {
    try {
      engine.client().startContainerCmd(id).exec();
    } catch (RuntimeException e) {
      throw Failures.of("cannot start container " + Failures.shortId(id), e);
    }
  }

  /**
   * The container's state, published ports and address.
   *
   * @return empty when the engine has no such container
   * @throws EngineException when the engine cannot be asked or refuses otherwise
   */
  public Optional<ContainerInfo> inspect(String id) throws EngineException {
    InspectContainerResponse c;
    try {
      c = engine.client().inspectContainerCmd(id).exec();
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw Failures.of("cannot inspect container " + Failures.shortId(id), e);
    }
    var state = c.getState();
    boolean running = state != null && Boolean.TRUE.equals(state.getRunning());
    long exit = state == null || state.getExitCodeLong() == null ? -1 : state.getExitCodeLong();
    return Optional.of(new ContainerInfo(c.getId(), running, exit, publishedTcpPorts(c.getNetworkSettings()),
        Optional.ofNullable(address(c.getNetworkSettings()))));
  }

  private static Map<Integer, Integer> publishedTcpPorts(NetworkSettings n) {
    Map<Integer, Integer> out = new HashMap<>();
    if (n == null || n.getPorts() == null) {
      return out;
    }
    n.getPorts().getBindings().forEach((port, bindings) -> {
      if (port.getProtocol() != InternetProtocol.TCP || bindings == null) {
        return;
      }
      for (Ports.Binding b : bindings) {
        String spec = b.getHostPortSpec();
        if (spec != null && spec.matches("\\d{1,5}")) {
          out.putIfAbsent(port.getPort(), Integer.parseInt(spec));
        }
      }
    });
    return out;
  }

  /** The container's address on its first network with one, or null. */
  @SuppressWarnings("deprecation") // the top-level address: what engines without per-network settings give
  private static String address(NetworkSettings n) {
    if (n == null) {
      return null;
    }
    if (n.getNetworks() != null) {
      for (var net : n.getNetworks().values()) {
        if (net.getIpAddress() != null && !net.getIpAddress().isBlank()) {
          return net.getIpAddress();
        }
      }
    }
    String ip = n.getIpAddress();
    return ip == null || ip.isBlank() ? null : ip;
  }

  /**
   * Waits for the container to exit.
   *
   * @return its exit code; empty when it still runs after {@code timeout}
   * @throws EngineException when the engine cannot be asked or refuses, or the wait is interrupted
   *     (the interrupt flag is set again)
   */
  public OptionalInt await(String id, Duration timeout) throws EngineException {
    WaitContainerResultCallback wait = null;
    try {
      wait = engine.client().waitContainerCmd(id).start();
      if (!wait.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(wait.awaitStatusCode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while waiting for container " + Failures.shortId(id), e);
    } catch (RuntimeException e) {
      throw Failures.of("cannot wait for container " + Failures.shortId(id), e);
    } finally {
      if (wait != null) {
        Failures.closeQuietly(wait);
      }
    }
  }

  /**
   * The container's output so far, stdout and stderr interleaved as written. When the engine takes
   * longer than {@code timeout}, or the thread is interrupted (the flag is set again), what arrived
   * until then.
   *
   * @throws EngineException when the engine cannot be asked or refuses
   */
  public String logs(String id, Duration timeout) throws EngineException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultCallback.Adapter<Frame> logs = null;
    try {
      logs = engine.client().logContainerCmd(id).withStdOut(true).withStdErr(true)
          .exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame f) {
              out.writeBytes(f.getPayload());
            }
          });
      logs.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      throw Failures.of("cannot read the output of container " + Failures.shortId(id), e);
    } finally {
      if (logs != null) {
        Failures.closeQuietly(logs);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Removes the container, running or not, with its anonymous volumes.
   *
   * @return false when the engine had no such container
   * @throws EngineException when the engine cannot be asked or refuses
   */
  public boolean remove(String id) throws EngineException {
    try {
      engine.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw Failures.of("cannot remove container " + Failures.shortId(id), e);
    }
  }
}
