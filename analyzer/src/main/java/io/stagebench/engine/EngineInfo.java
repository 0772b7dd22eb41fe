package io.stagebench.engine;

import java.util.List;
import java.util.OptionalLong;

/**
 * What the engine says about itself, plus what stagebench probed.
 *
 * @param endpoint where it was reached
 * @param kind Docker or Podman
 * @param imageStore where the engine keeps layers, which decides what its own image size means
 * @param version engine version, e.g. {@code 20.10.24+dfsg1}
 * @param apiVersion the newest Engine API version the engine offers, e.g. {@code 1.41}
 * @param negotiatedApiVersion the version stagebench speaks with it
 * @param os operating system of the engine host
 * @param architecture CPU architecture of the engine host
 * @param cpus CPUs the engine sees
 * @param memoryBytes memory the engine sees
 * @param storageDriver e.g. {@code overlay2}
 * @param dataRoot the engine's data root, e.g. {@code /var/lib/docker}
 * @param freeDiskBytes usable bytes under the data root when it is on this machine
 * @param buildKit whether a BuildKit build through {@code POST /build?version=2} worked
 * @param buildKitDetail the reason when it did not
 * @param registryMirrors where the engine pulls Docker Hub images from instead (empty: Docker Hub)
 */
public record EngineInfo(
    EngineEndpoint endpoint,
    EngineKind kind,
    ImageStore imageStore,
    String version,
    String apiVersion,
    String negotiatedApiVersion,
    String os,
    String architecture,
    int cpus,
    long memoryBytes,
    String storageDriver,
    String dataRoot,
    OptionalLong freeDiskBytes,
    boolean buildKit,
    String buildKitDetail,
    List<String> registryMirrors) {

  /** The builder behind the classic endpoint: Docker's own, or Buildah on Podman. */
  public BuilderKind classicBuilder() {
    return BuilderKind.classicEndpointOf(kind);
  }

  /** {@code Docker 28.5.2} or {@code Podman 5.8.6}. */
  public String product() {
    return kind.display() + " " + version;
  }
}
