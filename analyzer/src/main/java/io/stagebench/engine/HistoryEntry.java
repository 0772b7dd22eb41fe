package io.stagebench.engine;

/**
 * One entry of an image's history ({@code GET /images/{name}/history}), which the engine lists
 * newest first.
 *
 * @param createdBy the instruction that made it (empty when unknown)
 * @param created when, in seconds since the epoch (0 when unknown)
 * @param sizeBytes the size of the layer it made (0 for metadata-only entries), whose meaning
 *     depends on the image store ({@link ImageStore#sizeMeaning()})
 */
public record HistoryEntry(String createdBy, long created, long sizeBytes) {
  public HistoryEntry {
    createdBy = createdBy == null ? "" : createdBy;
  }
}
