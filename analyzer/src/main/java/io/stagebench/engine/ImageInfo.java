package io.stagebench.engine;

import java.util.List;
import java.util.Map;

/**
 * What stagebench reads of an image the engine has ({@code GET /images/{name}/json}).
 *
 * @param id the engine's full ID ({@code sha256:...})
 * @param repoTags the names it carries (empty for an untagged image)
 * @param sizeBytes the engine's own {@code Size}, whose meaning depends on the image store
 *     ({@link ImageStore#sizeMeaning()}); -1 when the engine does not say
 * @param entrypoint the configured entrypoint (empty when none)
 * @param cmd the configured command (empty when none)
 * @param labels the configured labels
 * @param layerCount the layers of its root filesystem; -1 when the engine does not say
 */
public record ImageInfo(String id, List<String> repoTags, long sizeBytes, List<String> entrypoint, List<String> cmd,
    Map<String, String> labels, int layerCount) {

  public ImageInfo {
    repoTags = List.copyOf(repoTags);
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    labels = Map.copyOf(labels);
  }
}
