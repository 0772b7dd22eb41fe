package io.stagebench.image;

/**
 * One entry of a layer tar, kept after the layer has streamed past: its normalized path (no leading
 * slash), its kind, the bytes it occupies as the tar says, its link target and, for ELF files, what the
 * dynamic loader needs; {@code text} holds the content of the loader's small config files
 * ({@code etc/ld.so.conf*}), null otherwise.
 */
public record LayerEntry(String path, Kind kind, long size, String linkTarget, ElfInfo elf, String text) {
  public LayerEntry(String path, Kind kind, long size, String linkTarget, ElfInfo elf) {
    this(path, kind, size, linkTarget, elf, null);
  }

  /** What a tar entry becomes in the layer. */
  public enum Kind {
    FILE,
    DIR,
    SYMLINK,
    HARDLINK,
    /** {@code .wh.NAME}: NAME from lower layers is deleted; {@link #path} is NAME's path. */
    WHITEOUT,
    /** {@code .wh..wh..opq}: the lower layers' content of the directory {@link #path} is hidden. */
    OPAQUE,
    /** Devices, FIFOs: kept for counts, never read. */
    OTHER
  }
}
