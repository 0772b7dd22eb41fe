package io.stagebench.run;

import io.stagebench.bases.BaseImages;
import io.stagebench.dockerfile.StageGraph;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.HistoryEntry;
import io.stagebench.engine.ImageInfo;
import io.stagebench.image.LayerAttribution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Size and layers of a built image as the engine reports them: {@code Size} from inspect, layers
 * from the image history, and which of them came with the base image (the longest base image
 * history that is a suffix of this one, so it works for both builders).
 */
final class ImageFacts {
  record Facts(String id, long sizeBytes, int layerCount, List<UnitResult.LayerFact> layers) {}

  private ImageFacts() {}

  /**
   * The histories (newest first) of the base images present in the engine, read once per run: every
   * unit's image is matched against the same bases.
   */
  static List<List<HistoryEntry>> baseHistories(Engine engine, Collection<String> baseImages) throws EngineException {
    List<List<HistoryEntry>> out = new ArrayList<>();
    for (String base : new LinkedHashSet<>(baseImages)) {
      if (BaseImages.inspect(engine, base).isPresent()) {
        out.add(engine.images().history(base));
      }
    }
    return out;
  }

  /**
   * The facts, with each of the image's own layers tied to the instruction of {@code graph} that
   * made it ({@link io.stagebench.image.LayerAttribution}) when the Dockerfile is known.
   *
   * @param uniformSizes the uncompressed size of each config history entry, oldest first
   *     ({@link io.stagebench.image.ImageSizes#historySizes()}); empty to keep the engine's history
   *     sizes, which are uncompressed sizes only on Docker's graph drivers
   */
  static Facts of(Engine engine, String imageId, List<List<HistoryEntry>> baseHistories,
      Optional<StageGraph> graph, List<Long> uniformSizes) throws EngineException {
    ImageInfo img = BaseImages.inspect(engine, imageId).orElseThrow(
        () -> new EngineException("the image " + imageId + " just built is gone"));
    List<HistoryEntry> history = engine.images().history(imageId);
    int baseEntries = 0;
    for (List<HistoryEntry> bh : baseHistories) {
      if (bh.size() > baseEntries && isSuffix(bh, history)) {
        baseEntries = bh.size();
      }
    }
    // History is newest first; report oldest first, as the layers stack.
    int own = history.size() - baseEntries;
    List<String> ownCreatedBy = new ArrayList<>();
    for (int i = own - 1; i >= 0; i--) {
      ownCreatedBy.add(history.get(i).createdBy());
    }
    List<Optional<LayerAttribution.Origin>> origins = graph
        .map(g -> LayerAttribution.attribute(g, ownCreatedBy))
        .orElse(List.of());
    List<UnitResult.LayerFact> layers = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryEntry h = history.get(i);
      // history is newest first, the uniform sizes oldest first; they list the same entries
      long size = uniformSizes.size() == history.size() ? uniformSizes.get(history.size() - 1 - i) : h.sizeBytes();
      boolean base = i >= own;
      if (size > 0) {
        String origin = base ? "base" : "final";
        Integer line = null;
        int k = own - 1 - i;
        if (!base && k < origins.size() && origins.get(k).isPresent()) {
          origin = origins.get(k).get().origin();
          line = origins.get(k).get().line();
        } else if (!base && graph.isPresent()) {
          origin = "unknown";
        }
        layers.add(new UnitResult.LayerFact(clean(h.createdBy()), size, base, origin, line));
      }
    }
    int layerCount = img.layerCount() < 0 ? layers.size() : img.layerCount();
    return new Facts(img.id(), Math.max(0, img.sizeBytes()), layerCount, layers);
  }

  private static boolean isSuffix(List<HistoryEntry> base, List<HistoryEntry> image) {
    if (base.size() > image.size()) {
      return false;
    }
    int off = image.size() - base.size();
    for (int i = 0; i < base.size(); i++) {
      HistoryEntry a = base.get(i);
      HistoryEntry b = image.get(off + i);
      if (!a.createdBy().equals(b.createdBy()) || a.created() != b.created() || a.sizeBytes() != b.sizeBytes()) {
        return false;
      }
    }
    return true;
  }

  static String clean(String createdBy) {
    if (createdBy == null) {
      return "";
    }
    String s = createdBy.replace("/bin/sh -c #(nop) ", "").strip();
    if (s.startsWith("/bin/sh -c ")) {
      s = "RUN " + s.substring("/bin/sh -c ".length());
    }
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
