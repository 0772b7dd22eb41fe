package io.stagebench.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An image read from an archive: its config, its layers in order, and the archive format.
 *
 * @param format "docker" (manifest.json) or "oci" (index.json)
 * @param configDigest sha256 of the config JSON: the image ID
 * @param tags repo tags the archive names, when any
 */
public record ImageArchive(
    String format, String configDigest, List<String> tags, JsonNode config, List<Layer> layers) {

  /** The image's size as the engine reports it: the sum of its layers' sizes. */
  public long size() {
    return layers.stream().mapToLong(Layer::size).sum();
  }
}
