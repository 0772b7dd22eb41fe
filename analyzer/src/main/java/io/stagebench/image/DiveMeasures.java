package io.stagebench.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * dive's image measures, computed the way dive computes them so its users get the numbers they know:
 * each layer is a tree of its tar entries (plus implied parent directories); every leaf of every
 * layer is a "discovery" of its path with the tar header's size (a whiteout of a directory counts the
 * sizes of everything under that directory in the layers below, a whiteout of a file counts 0); a path
 * discovered twice or more is inefficient and all its discoveries are wasted bytes; the efficiency
 * score is the sum over paths of the smallest discovery over the sum of all discoveries; user wasted
 * percent is wasted bytes over the summed file bytes of all layers but the first. Opaque markers are
 * ignored, as dive ignores them.
 */
public final class DiveMeasures {
  /** A path discovered in more than one layer. */
  public record Inefficiency(String path, int count, long cumulativeBytes) {}

  public record Result(
      double efficiency, long wastedBytes, double userWastedPercent, long userSizeBytes,
      List<Long> layerFileBytes, List<Inefficiency> inefficiencies) {}

  private DiveMeasures() {}

  private record Info(long size, boolean dir) {}

  public static Result compute(List<Layer> layers) {
    Map<String, long[]> data = new HashMap<>(); // path -> {cumulative, min, count}
    TreeMap<String, Info> stacked = new TreeMap<>();
    List<Long> layerBytes = new ArrayList<>();
    for (Layer layer : layers) {
      // the layer's tree: entries (whiteouts by their target path) and implied parents
      Map<String, Info> tree = new HashMap<>();
      Set<String> whiteouts = new HashSet<>();
      Set<String> hasChild = new HashSet<>();
      long fileBytes = 0;
      for (LayerEntry e : layer.scan().entries()) {
        String p = e.path();
        if (e.kind() == LayerEntry.Kind.OPAQUE) {
          addParents(p + "/x", tree, hasChild);
          continue;
        }
        long size = e.kind() == LayerEntry.Kind.FILE ? e.size() : 0;
        fileBytes += size;
        if (e.kind() == LayerEntry.Kind.WHITEOUT) {
          whiteouts.add(p);
        }
        tree.put(p, new Info(size, e.kind() == LayerEntry.Kind.DIR));
        addParents(p, tree, hasChild);
      }
      layerBytes.add(fileBytes);
      for (Map.Entry<String, Info> n : tree.entrySet()) {
        String p = n.getKey();
        if (hasChild.contains(p)) {
          continue;
        }
        long size;
        if (whiteouts.contains(p)) {
          size = 0;
          Info prev = stacked.get(p);
          if (prev != null && prev.dir()) {
            size += prev.size();
            for (Info c : stacked.subMap(p + "/", true, p + "0", false).values()) {
              size += c.size();
            }
          }
        } else {
          size = n.getValue().size();
        }
        long[] d = data.computeIfAbsent(p, k -> new long[] {0, -1, 0});
        d[0] += size;
        if (d[1] < 0 || size < d[1]) {
          d[1] = size;
        }
        d[2]++;
      }
      for (Map.Entry<String, Info> n : tree.entrySet()) {
        String p = n.getKey();
        if (whiteouts.contains(p)) {
          stacked.remove(p);
          stacked.subMap(p + "/", true, p + "0", false).clear();
        } else {
          stacked.put(p, n.getValue());
        }
      }
    }
    long min = 0, all = 0, wasted = 0;
    List<Inefficiency> ineff = new ArrayList<>();
    for (Map.Entry<String, long[]> e : data.entrySet()) {
      long[] d = e.getValue();
      min += d[1];
      all += d[0];
      if (d[2] >= 2) {
        wasted += d[0];
        ineff.add(new Inefficiency("/" + e.getKey(), (int) d[2], d[0]));
      }
    }
    ineff.sort(Comparator.comparingLong(Inefficiency::cumulativeBytes).reversed().thenComparing(Inefficiency::path));
    long user = 0;
    for (int i = 1; i < layerBytes.size(); i++) {
      user += layerBytes.get(i);
    }
    double score = all == 0 ? 1.0 : (double) min / all;
    double pct = user == 0 ? 0.0 : (double) wasted / user;
    return new Result(score, wasted, pct, user, List.copyOf(layerBytes), List.copyOf(ineff));
  }

  private static void addParents(String p, Map<String, Info> tree, Set<String> hasChild) {
    int slash = p.lastIndexOf('/');
    while (slash > 0) {
      String parent = p.substring(0, slash);
      hasChild.add(parent);
      tree.putIfAbsent(parent, new Info(0, false));
      slash = parent.lastIndexOf('/');
    }
  }
}
