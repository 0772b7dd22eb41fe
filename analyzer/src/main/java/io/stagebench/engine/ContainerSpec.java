package io.stagebench.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container to create: what runs, how it is labelled and what it may do.
 *
 * @param image the image name or ID
 * @param cmd the command; empty for the image's own
 * @param labels labels on the container (stagebench's {@link Labels#RUN}, so cleanup finds it)
 * @param capDrop capabilities dropped ({@code ALL} for all), as named by Docker without {@code CAP_}
 * @param capAdd capabilities added back after the drop
 * @param securityOpts security options ({@code no-new-privileges})
 * @param memoryBytes the memory limit; 0 for none
 * @param pidsLimit the process limit; 0 for none
 * @param readOnlyRootfs whether the root filesystem is mounted read-only
 * @param publish a TCP port to publish, if any
 */
public record ContainerSpec(String image, List<String> cmd, Map<String, String> labels, List<String> capDrop,
    List<String> capAdd, List<String> securityOpts, long memoryBytes, long pidsLimit, boolean readOnlyRootfs,
    Optional<Publish> publish) {

  public ContainerSpec {
    cmd = List.copyOf(cmd);
    labels = Map.copyOf(labels);
    capDrop = List.copyOf(capDrop);
    capAdd = List.copyOf(capAdd);
    securityOpts = List.copyOf(securityOpts);
  }

  /**
   * A container TCP port published on one address of the engine's host, at a port the engine picks
   * ({@link ContainerInfo#publishedPort(int)} tells which).
   *
   * @param containerPort the port inside the container
   * @param hostAddress the host address to bind ({@code 127.0.0.1}, {@code 0.0.0.0})
   */
  public record Publish(int containerPort, String hostAddress) {}
}
