package io.stagebench.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The difference between two images' final trees, summarized by directory. */
public final class ImageDiff {
  /**
   * One directory's changes: bytes and counts of files only in B (added), only in A (removed), and in
   * both with another size or kind (changed; {@code changedDelta} is B's bytes minus A's).
   */
  public record Dir(String dir, int added, long addedBytes, int removed, long removedBytes, int changed, long changedDelta) {}

  public record Side(String source, String id, long sizeBytes, int layers, long finalTreeBytes) {}

  public record Result(int schemaVersion, Side a, Side b, long sizeDelta, List<Dir> dirs) {}

  private ImageDiff() {}

  /**
   * @param depth how many path components name a directory in the summary
   */
  public static Result diff(String nameA, ImageArchive a, String nameB, ImageArchive b, int depth) {
    MergedTree ta = MergedTree.of(a.layers());
    MergedTree tb = MergedTree.of(b.layers());
    Map<String, long[]> dirs = new TreeMap<>();
    for (MergedTree.Node n : tb.nodes().values()) {
      if (n.kind() == LayerEntry.Kind.DIR) {
        continue;
      }
      MergedTree.Node o = ta.get(n.path());
      long[] d = dirs.computeIfAbsent(dirOf(n.path(), depth), k -> new long[6]);
      if (o == null || o.kind() == LayerEntry.Kind.DIR) {
        d[0]++;
        d[1] += bytes(n);
      } else if (o.kind() != n.kind() || o.size() != n.size() || !Objects.equals(o.linkTarget(), n.linkTarget())) {
        d[4]++;
        d[5] += bytes(n) - bytes(o);
      }
    }
    for (MergedTree.Node o : ta.nodes().values()) {
      if (o.kind() == LayerEntry.Kind.DIR) {
        continue;
      }
      MergedTree.Node n = tb.get(o.path());
      if (n == null || n.kind() == LayerEntry.Kind.DIR) {
        long[] d = dirs.computeIfAbsent(dirOf(o.path(), depth), k -> new long[6]);
        d[2]++;
        d[3] += bytes(o);
      }
    }
    List<Dir> out = new ArrayList<>();
    dirs.forEach((k, d) -> {
      if (d[0] + d[2] + d[4] > 0) {
        out.add(new Dir(k, (int) d[0], d[1], (int) d[2], d[3], (int) d[4], d[5]));
      }
    });
    out.sort(Comparator.comparingLong((Dir d) -> d.addedBytes() + d.removedBytes() + Math.abs(d.changedDelta())).reversed()
        .thenComparing(Dir::dir));
    return new Result(1,
        new Side(nameA, a.configDigest(), a.size(), a.layers().size(), ta.bytes()),
        new Side(nameB, b.configDigest(), b.size(), b.layers().size(), tb.bytes()),
        b.size() - a.size(), List.copyOf(out));
  }

  private static long bytes(MergedTree.Node n) {
    return n.kind() == LayerEntry.Kind.FILE || n.kind() == LayerEntry.Kind.SYMLINK ? n.size() : 0;
  }

  static String dirOf(String path, int depth) {
    String[] parts = path.split("/");
    int n = Math.min(depth, parts.length - 1);
    if (n <= 0) {
      return "/";
    }
    return "/" + String.join("/", Arrays.copyOf(parts, n));
  }
}
