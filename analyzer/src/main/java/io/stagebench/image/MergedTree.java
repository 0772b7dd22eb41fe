package io.stagebench.image;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The final file system of an image: layers applied bottom-up with whiteouts ({@code .wh.NAME})
 * deleting lower paths and opaque markers ({@code .wh..wh..opq}) hiding a directory's lower content.
 */
public final class MergedTree {
  /** A path in the final tree and the layer (0-based) that last wrote it. */
  public record Node(String path, LayerEntry.Kind kind, long size, int layer, String linkTarget, ElfInfo elf, String text) {}

  private final TreeMap<String, Node> nodes = new TreeMap<>();

  /** Applies the layers in order. */
  public static MergedTree of(List<Layer> layers) {
    MergedTree t = new MergedTree();
    for (Layer l : layers) {
      t.apply(l.index(), l.scan().entries());
    }
    return t;
  }

  void apply(int layer, List<LayerEntry> entries) {
    for (LayerEntry e : entries) {
      if (e.kind() == LayerEntry.Kind.OPAQUE) {
        under(e.path()).entrySet().removeIf(x -> x.getValue().layer() < layer);
      }
    }
    for (LayerEntry e : entries) {
      if (e.kind() == LayerEntry.Kind.WHITEOUT) {
        nodes.remove(e.path());
        under(e.path()).clear();
      }
    }
    for (LayerEntry e : entries) {
      switch (e.kind()) {
        case WHITEOUT, OPAQUE -> {}
        default -> {
          Node old = nodes.put(e.path(), new Node(e.path(), e.kind(), e.size(), layer, e.linkTarget(), e.elf(), e.text()));
          if (old != null && old.kind() == LayerEntry.Kind.DIR && e.kind() != LayerEntry.Kind.DIR) {
            under(e.path()).clear();
          }
        }
      }
    }
  }

  /** Every path strictly below {@code dir} ("" is the root). */
  public NavigableMap<String, Node> under(String dir) {
    if (dir.isEmpty()) {
      return nodes;
    }
    return nodes.subMap(dir + "/", true, dir + "0", false);
  }

  public Node get(String path) {
    return nodes.get(path);
  }

  public Map<String, Node> nodes() {
    return nodes;
  }

  /** Bytes the final tree occupies, counted as the engine counts layers (hard links once). */
  public long bytes() {
    long s = 0;
    for (Node n : nodes.values()) {
      if (n.kind() == LayerEntry.Kind.FILE || n.kind() == LayerEntry.Kind.SYMLINK) {
        s += n.size();
      }
    }
    return s;
  }

  /**
   * Resolves a path through symlinks (absolute or relative, in any component) inside this tree.
   *
   * @return the resolved node, or null when missing, dangling or looping (more than 40 links)
   */
  public Node resolve(String path) {
    String p = path;
    for (int hops = 0; hops < 40; hops++) {
      String[] parts = p.split("/");
      StringBuilder cur = new StringBuilder();
      boolean relinked = false;
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i];
        if (part.isEmpty() || part.equals(".")) {
          continue;
        }
        if (part.equals("..")) {
          int s = cur.lastIndexOf("/");
          cur.setLength(Math.max(s, 0));
          continue;
        }
        String prefix = cur.length() == 0 ? part : cur + "/" + part;
        Node n = nodes.get(prefix);
        if (n == null) {
          return null;
        }
        if (n.kind() == LayerEntry.Kind.SYMLINK) {
          String t = n.linkTarget();
          String base = t.startsWith("/") ? t : (cur.length() == 0 ? t : cur + "/" + t);
          StringBuilder rest = new StringBuilder(base);
          for (int j = i + 1; j < parts.length; j++) {
            rest.append('/').append(parts[j]);
          }
          p = rest.toString();
          relinked = true;
          break;
        }
        if (n.kind() == LayerEntry.Kind.HARDLINK && i == parts.length - 1) {
          Node target = nodes.get(n.linkTarget());
          return target != null ? target : n;
        }
        cur.setLength(0);
        cur.append(prefix);
      }
      if (!relinked) {
        return cur.length() == 0 ? null : nodes.get(cur.toString());
      }
    }
    return null;
  }
}
