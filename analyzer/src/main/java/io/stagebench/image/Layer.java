package io.stagebench.image;

/**
 * A layer of an image in order, with the history entry that made it.
 *
 * @param index 0-based position, bottom first
 * @param createdBy the aligned history entry's {@code created_by} (empty layers skipped), or null
 */
public record Layer(int index, String createdBy, LayerScan scan) {
  public String diffId() {
    return scan.diffId();
  }

  /** The size {@code docker history} reports for this layer. */
  public long size() {
    return scan.size();
  }
}
