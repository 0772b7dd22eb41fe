package io.stagebench.image;

import java.util.List;

/**
 * Everything {@code stagebench analyze} reports about one image; serialized as versioned JSON.
 * Sizes are bytes.
 */
public record ImageReport(
    int schemaVersion,
    Image image,
    List<LayerRow> layers,
    Dive dive,
    List<Residue.Item> residue,
    Binaries binaries,
    List<Recommendation> recommendations) {

  public static final int SCHEMA_VERSION = 1;

  /**
   * @param sizeBytes the uncompressed size: the bytes of the layers' files ({@link ImageSizes}),
   *     what Docker's graph drivers report as {@code Size}, the same on every engine
   * @param uncompressedBytes the same as {@code sizeBytes}, named for what it is
   * @param compressedBytes what a registry stores: {@code gzipBytes} when known, else null
   * @param compressedSource {@code stored-blobs} (exact), {@code gzip-estimate}, {@code mixed} or
   *     {@code none}
   * @param finalTreeBytes bytes of the files visible in the final tree
   * @param recoverableBytes bytes stored in layers but not visible in the final tree (deleted or
   *     overwritten later): what squashing or a multi-stage copy would save, the surviving copy not
   *     counted
   * @param gzipBytes the compressed size: each layer's stored blob when the archive holds it
   *     compressed (exact), else its tar gzip-compressed at the default level; -1 when skipped
   */
  public record Image(
      String source, String id, String format, List<String> tags, long sizeBytes, long finalTreeBytes,
      long recoverableBytes, long archiveBytes, long gzipBytes, int files, long uncompressedBytes,
      Long compressedBytes, String compressedSource) {}

  public record FileSize(String path, long bytes) {}

  public record LayerRow(
      int index, String diffId, String createdBy, long sizeBytes, long archiveBytes,
      long gzipBytes, String compression, int files, int dirs, int symlinks, int hardlinks, int whiteouts,
      List<FileSize> largest) {}

  public record Dive(
      double efficiency, long wastedBytes, double userWastedPercent, long userSizeBytes,
      List<DiveMeasures.Inefficiency> inefficiencies) {}

  public record Binaries(int elfFiles, int dynamic, List<ElfCheck.Problem> problems) {}

  /** A change tied to a lint rule ID, with the bytes it would save. */
  public record Recommendation(String rule, String message, long bytesSaved, Integer layer) {}
}
