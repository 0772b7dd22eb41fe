package io.stagebench.engine;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What stagebench reads of a container ({@code GET /containers/{id}/json}).
 *
 * @param id the container's ID
 * @param running whether it runs
 * @param exitCode its exit code once it has exited; -1 when the engine does not say
 * @param publishedTcpPorts container TCP port to the host port the engine published it at
 * @param address its address on its first network that gives it one
 */
public record ContainerInfo(String id, boolean running, long exitCode, Map<Integer, Integer> publishedTcpPorts,
    Optional<String> address) {

  public ContainerInfo {
    publishedTcpPorts = Map.copyOf(publishedTcpPorts);
  }

  /** The host port at which the container's TCP {@code containerPort} is published, if it is (yet). */
  public OptionalInt publishedPort(int containerPort) {
    Integer p = publishedTcpPorts.get(containerPort);
    return p == null ? OptionalInt.empty() : OptionalInt.of(p);
  }
}
