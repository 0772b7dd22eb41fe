package io.stagebench.image;

import java.util.List;

/**
 * What one layer blob held, computed as it streamed past.
 *
 * @param blobDigest sha256 of the blob as stored in the archive (compressed or not)
 * @param diffId sha256 of the uncompressed layer tar (the config's {@code rootfs.diff_ids})
 * @param compression none, gzip or zstd
 * @param archiveBytes bytes of the blob in the archive
 * @param tarBytes bytes of the uncompressed tar
 * @param gzipBytes bytes of the tar gzip-compressed at the default level, -1 when not computed
 *     (or not needed: a compressed blob is its own compressed size)
 * @param size what the engine reports as the layer's size: regular file bytes plus symlink target
 *     lengths, hard links counted once (the engine walks the unpacked layer and sums {@code lstat}
 *     sizes of everything but directories, once per inode)
 * @param entries every entry, in tar order
 */
public record LayerScan(
    String blobDigest,
    String diffId,
    String compression,
    long archiveBytes,
    long tarBytes,
    long gzipBytes,
    long size,
    int files,
    int dirs,
    int symlinks,
    int hardlinks,
    int whiteouts,
    List<LayerEntry> entries) {}
