package io.stagebench.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an engine keeps image layers, which decides what its own image {@code Size} counts.
 *
 * <ul>
 *   <li>{@link #GRAPH_DRIVER}: Docker's graph drivers (overlay2 and the like): the unpacked layers;
 *       {@code Size} is the sum of the bytes of their files, the same as stagebench's uncompressed
 *       size.
 *   <li>{@link #CONTAINERD}: Docker's containerd image store (a containerd snapshotter): images are
 *       content blobs as pushed (compressed) plus unpacked snapshots; {@code Size} counts the
 *       compressed content, not the unpacked files.
 *   <li>{@link #CONTAINERS_STORAGE}: Podman's containers/storage: {@code Size} is the sum of the
 *       layers' uncompressed tar streams, tar headers and padding included.
 * </ul>
 */
public enum ImageStore {
  GRAPH_DRIVER("graphdriver", "the sum of the unpacked layers' file bytes"),
  CONTAINERD("containerd", "the image's content in the containerd store: compressed layer blobs, config and manifest"),
  CONTAINERS_STORAGE("containers-storage", "the sum of the layers' uncompressed tar streams (headers and padding included)");

  private final String id;
  private final String sizeMeaning;

  ImageStore(String id, String sizeMeaning) {
    this.id = id;
    this.sizeMeaning = sizeMeaning;
  }

  /** The name used in reports. */
  public String id() {
    return id;
  }

  /** What the engine's own image {@code Size} counts on this store. */
  public String sizeMeaning() {
    return sizeMeaning;
  }

  /** The store with the given report name, or null. */
  public static ImageStore byId(String id) {
    for (ImageStore s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    return null;
  }

  /**
   * Reads the store from a {@code GET /info} answer: the containerd store says
   * {@code ["driver-type", "io.containerd.snapshotter.v1"]} in {@code DriverStatus}.
   */
  public static ImageStore fromInfo(EngineKind kind, JsonNode info) {
    if (kind == EngineKind.PODMAN) {
      return CONTAINERS_STORAGE;
    }
    for (JsonNode pair : info.path("DriverStatus")) {
      if (pair.size() == 2 && pair.get(0).asText("").equalsIgnoreCase("driver-type")
          && pair.get(1).asText("").contains("containerd.snapshotter")) {
        return CONTAINERD;
      }
    }
    return GRAPH_DRIVER;
  }
}
