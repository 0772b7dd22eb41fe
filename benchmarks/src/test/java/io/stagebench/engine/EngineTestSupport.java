package io.stagebench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Ports;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What tests read back from the engine that stagebench itself never needs: listings and a
 * container's host settings. It sits in the engine package because only that package talks to
 * docker-java; tests elsewhere get stagebench's types from it.
 */
public final class EngineTestSupport {
  private EngineTestSupport() {}

  /** A container's restrictions and labels as the engine reports them. */
  public record ContainerSettings(List<String> capDrop, List<String> capAdd, List<String> securityOpts,
      long memoryBytes, long pidsLimit, boolean readOnlyRootfs, Map<Integer, List<String>> publishedTcpHostIps,
      Map<String, String> labels) {}

  /** An image of a listing, with its creation time in seconds since the epoch. */
  public record ListedImage(String id, long created) {}

  /** The settings of a container that exists. */
  public static ContainerSettings settings(Engine engine, String containerId) {
    InspectContainerResponse c = engine.client().inspectContainerCmd(containerId).exec();
    HostConfig h = c.getHostConfig();
    Map<Integer, List<String>> published = new HashMap<>();
    if (h.getPortBindings() != null) {
      h.getPortBindings().getBindings().forEach((port, bindings) -> published.put(port.getPort(),
          bindings == null ? List.of() : Arrays.stream(bindings).map(Ports.Binding::getHostIp).toList()));
    }
    return new ContainerSettings(names(h.getCapDrop()), names(h.getCapAdd()),
        h.getSecurityOpts() == null ? List.of() : h.getSecurityOpts(),
        h.getMemory() == null ? 0 : h.getMemory(), h.getPidsLimit() == null ? 0 : h.getPidsLimit(),
        Boolean.TRUE.equals(h.getReadonlyRootfs()), published,
        c.getConfig() == null || c.getConfig().getLabels() == null ? Map.of() : c.getConfig().getLabels());
  }

  private static List<String> names(Capability[] caps) {
    return caps == null ? List.of() : Arrays.stream(caps).map(Enum::name).toList();
  }

  /** The IDs of the containers, running or not, that carry {@code label=value}. */
  public static List<String> containersLabelled(Engine engine, String label, String value) {
    return engine.client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec()
        .stream().map(Container::getId).toList();
  }

  /** The IDs of the containers, running or not, whose command contains {@code text}. */
  public static List<String> containersRunning(Engine engine, String text) {
    return engine.client().listContainersCmd().withShowAll(true).exec().stream()
        .filter(c -> c.getCommand() != null && c.getCommand().contains(text)).map(Container::getId).toList();
  }

  /** Every image, intermediate ones included, that carries {@code label=value}. */
  public static List<ListedImage> imagesLabelled(Engine engine, String label, String value) {
    return engine.client().listImagesCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec()
        .stream().map(EngineTestSupport::listed).toList();
  }

  /** How many images the engine has, intermediate ones included. */
  public static int imageCount(Engine engine) {
    return engine.client().listImagesCmd().withShowAll(true).exec().size();
  }

  private static ListedImage listed(Image i) {
    return new ListedImage(i.getId(), i.getCreated() == null ? 0 : i.getCreated());
  }

  /** A raw Engine API GET, for what only a test asks (the build cache records of /system/df). */
  public static JsonNode get(Engine engine, String path) throws EngineException {
    return engine.http().call("GET", path).body();
  }
}
