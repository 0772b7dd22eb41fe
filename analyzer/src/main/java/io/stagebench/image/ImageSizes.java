package io.stagebench.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagebench.StagebenchException;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.ImageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An image's sizes with one meaning on every engine.
 *
 * <ul>
 *   <li>{@code uncompressedBytes}: the bytes of the files in its layers (regular files, symlink
 *       targets, hard links once), summed over the layers as stored: what Docker's graph drivers
 *       report as {@code Size}. The same Dockerfile gives the same number on Docker with overlay2,
 *       Docker with the containerd store and Podman.
 *   <li>{@code compressedBytes}: what a registry stores and a pull transfers. Exact where the engine
 *       exports the layers compressed (the containerd store exports its stored blobs); otherwise
 *       each layer tar gzip-compressed at gzip's default level, an estimate of a push.
 *   <li>{@code engineSizeBytes}: the engine's own {@code Size}, whose meaning depends on the image
 *       store ({@link ImageStore#sizeMeaning()}).
 * </ul>
 */
public record ImageSizes(long uncompressedBytes, OptionalLong compressedBytes, Compressed compressedSource,
    long engineSizeBytes, List<Long> historySizes) {

  public ImageSizes {
    historySizes = List.copyOf(historySizes);
  }

  /** Where the compressed size comes from. */
  public enum Compressed {
    /** The layer blobs as the engine stores them: exact. */
    STORED_BLOBS("stored-blobs"),
    /** Each layer tar gzip-compressed here at the default level: an estimate of a push. */
    GZIP_ESTIMATE("gzip-estimate"),
    /** Some layers of each kind. */
    MIXED("mixed"),
    NONE("none");

    private final String id;

    Compressed(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * The sizes of a read archive.
   *
   * @param engineSizeBytes the engine's own size, or -1 when there is no engine
   */
  public static ImageSizes of(ImageArchive archive, long engineSizeBytes) {
    ImageSizes s = of(archive.layers().stream().map(Layer::scan).toList(), engineSizeBytes);
    return new ImageSizes(s.uncompressedBytes, s.compressedBytes, s.compressedSource, engineSizeBytes,
        historySizes(archive));
  }

  /**
   * The uncompressed size of each entry of the image's config history, oldest first: 0 for the
   * entries that made no layer ({@code empty_layer}), the layer's size for the others. The engine's
   * history API lists the same entries (newest first) with sizes whose meaning depends on the store;
   * these have one meaning. Empty when the history does not account for every layer.
   */
  static List<Long> historySizes(ImageArchive archive) {
    List<Long> out = new ArrayList<>();
    int layer = 0;
    for (JsonNode h : archive.config().path("history")) {
      if (h.path("empty_layer").asBoolean(false)) {
        out.add(0L);
      } else if (layer < archive.layers().size()) {
        out.add(archive.layers().get(layer++).size());
      } else {
        return List.of();
      }
    }
    return layer == archive.layers().size() ? out : List.of();
  }

  static ImageSizes of(List<LayerScan> scans, long engineSizeBytes) {
    long uncompressed = 0;
    long compressed = 0;
    boolean known = true;
    boolean stored = false;
    boolean estimated = false;
    for (LayerScan s : scans) {
      uncompressed += s.size();
      long c = compressedBytes(s);
      if (c < 0) {
        known = false;
      }
      compressed += Math.max(0, c);
      if (s.compression().equals("none")) {
        estimated = true;
      } else {
        stored = true;
      }
    }
    Compressed source = !known ? Compressed.NONE : stored && estimated ? Compressed.MIXED
        : stored ? Compressed.STORED_BLOBS : Compressed.GZIP_ESTIMATE;
    return new ImageSizes(uncompressed, known ? OptionalLong.of(compressed) : OptionalLong.empty(),
        scans.isEmpty() ? Compressed.STORED_BLOBS : source, engineSizeBytes, List.of());
  }

  /** A layer's compressed size: its stored blob when that is compressed, else the gzip estimate (-1: none). */
  static long compressedBytes(LayerScan s) {
    return s.compression().equals("none") ? s.gzipBytes() : s.archiveBytes();
  }

  /**
   * Measures an image in the engine. On Docker's graph drivers the engine's {@code Size} already is
   * the uncompressed size and nothing is exported unless the compressed size is asked for; on the
   * other stores the image is exported once and its layers are counted as they stream past.
   *
   * @param compressed whether to compute the compressed size (a gzip pass over uncompressed layers)
   * @throws StagebenchException when the engine cannot export the image or the export is unreadable
   */
  public static ImageSizes measure(Engine engine, String image, boolean compressed) throws StagebenchException {
    long engineSize = engineSize(engine, image);
    if (engine.imageStore() == ImageStore.GRAPH_DRIVER && !compressed) {
      // the engine's history sizes are uncompressed sizes too: no per-entry list needed
      return new ImageSizes(engineSize, OptionalLong.empty(), Compressed.NONE, engineSize, List.of());
    }
    return of(ImageSource.fromEngine(engine, image, compressed), engineSize);
  }

  /** The engine's own {@code Size} of an image. */
  public static long engineSize(Engine engine, String image) throws EngineException {
    return engine.images().inspect(image)
        .orElseThrow(() -> new EngineException("cannot inspect image " + image + ": no such image"))
        .sizeBytes();
  }

  /** The compressed size when known. */
  public Optional<Long> compressed() {
    return compressedBytes.isPresent() ? Optional.of(compressedBytes.getAsLong()) : Optional.empty();
  }
}
