package io.stagebench.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns an {@link ImageArchive} into an {@link ImageReport}. */
public final class ImageAnalyzer {
  private static final Pattern RECURSIVE_CH = Pattern.compile("\\bch(?:own|mod)\\b[^;&|]*\\s(?:-R|--recursive|-[a-zA-Z]*R[a-zA-Z]*)\\b");

  private ImageAnalyzer() {}

  /**
   * @param source how the user named the image
   * @param top how many largest files per layer and inefficiencies to keep
   */
  public static ImageReport analyze(String source, ImageArchive img, int top) {
    List<Layer> layers = img.layers();
    MergedTree tree = new MergedTree();
    List<ImageReport.Recommendation> recs = new ArrayList<>();
    List<ImageReport.LayerRow> rows = new ArrayList<>();
    long archive = 0;
    for (Layer l : layers) {
      LayerScan s = l.scan();
      // SB006: a recursive chown/chmod layer re-stores files that lower layers already hold
      if (l.createdBy() != null && RECURSIVE_CH.matcher(l.createdBy()).find()) {
        long dup = 0;
        for (LayerEntry e : s.entries()) {
          MergedTree.Node prev = tree.get(e.path());
          if (e.kind() == LayerEntry.Kind.FILE && prev != null && prev.kind() == LayerEntry.Kind.FILE && prev.size() == e.size()) {
            dup += e.size();
          }
        }
        if (dup > 0) {
          recs.add(new ImageReport.Recommendation("SB006",
              "layer " + (l.index() + 1) + " re-stores files only to change owner or mode; use COPY --chown/--chmod or set them in the layer that creates the files",
              dup, l.index()));
        }
      }
      tree.apply(l.index(), s.entries());
      List<ImageReport.FileSize> largest = s.entries().stream()
          .filter(e -> e.kind() == LayerEntry.Kind.FILE)
          .sorted(Comparator.comparingLong(LayerEntry::size).reversed().thenComparing(LayerEntry::path))
          .limit(top)
          .map(e -> new ImageReport.FileSize("/" + e.path(), e.size()))
          .toList();
      rows.add(new ImageReport.LayerRow(l.index(), s.diffId(), l.createdBy(), s.size(), s.archiveBytes(),
          ImageSizes.compressedBytes(s), s.compression(), s.files(), s.dirs(), s.symlinks(), s.hardlinks(), s.whiteouts(), largest));
      archive += s.archiveBytes();
    }
    long size = img.size();
    ImageSizes sizes = ImageSizes.of(img, -1);
    long finalBytes = tree.bytes();
    long recoverable = size - finalBytes;
    DiveMeasures.Result dive = DiveMeasures.compute(layers);
    List<Residue.Item> residue = Residue.find(tree);
    ElfCheck.Result elf = ElfCheck.check(tree, ldLibraryPath(img.config()));

    // SB005: bytes stored in a layer and deleted or overwritten later
    Map<Integer, Long> hiddenByLayer = new HashMap<>();
    {
      Map<Integer, Long> visible = new HashMap<>();
      for (MergedTree.Node n : tree.nodes().values()) {
        if (n.kind() == LayerEntry.Kind.FILE || n.kind() == LayerEntry.Kind.SYMLINK) {
          visible.merge(n.layer(), n.size(), Long::sum);
        }
      }
      for (Layer l : layers) {
        long hidden = l.size() - visible.getOrDefault(l.index(), 0L);
        if (hidden > 0) {
          hiddenByLayer.put(l.index(), hidden);
        }
      }
    }
    hiddenByLayer.forEach((idx, bytes) -> recs.add(new ImageReport.Recommendation("SB005",
        "layer " + (idx + 1) + " stores bytes a later layer deletes or overwrites; clean up in the same RUN or copy only the result from a build stage",
        bytes, idx)));
    Map<String, long[]> byRule = new HashMap<>();
    for (Residue.Item r : residue) {
      if (r.kind().lintRule != null) {
        long[] v = byRule.computeIfAbsent(r.kind().lintRule + "|" + r.what(), k -> new long[] {0, r.layer()});
        v[0] += r.bytes();
      }
    }
    byRule.forEach((k, v) -> {
      String[] p = k.split("\\|", 2);
      String msg = switch (p[0]) {
        case "SB001" -> p[1] + " is in the final image; build in a separate stage and copy only the output";
        case "DL3009" -> "apt lists are left in the image; rm -rf /var/lib/apt/lists/* in the same RUN as apt-get install";
        case "DL3042" -> "the pip cache is left in the image; use pip install --no-cache-dir";
        default -> p[1] + " is left in the image; use a cache mount or clean it in the same RUN";
      };
      recs.add(new ImageReport.Recommendation(p[0], msg, v[0], v[1] < 0 ? null : (int) v[1]));
    });
    for (ElfCheck.Problem pr : elf.problems()) {
      if (pr.executable() && pr.missingInterpreter() != null) {
        recs.add(new ImageReport.Recommendation("SB010",
            pr.path() + " needs " + pr.missingInterpreter() + " which the image lacks; build it static (CGO_ENABLED=0 or -static) or use a base with libc",
            0, pr.layer()));
      }
    }
    recs.sort(Comparator.comparingLong(ImageReport.Recommendation::bytesSaved).reversed().thenComparing(ImageReport.Recommendation::rule));
    int files = 0;
    for (MergedTree.Node n : tree.nodes().values()) {
      if (n.kind() == LayerEntry.Kind.FILE) {
        files++;
      }
    }
    return new ImageReport(
        ImageReport.SCHEMA_VERSION,
        new ImageReport.Image(source, img.configDigest(), img.format(), img.tags(), size, finalBytes, recoverable,
            archive, sizes.compressedBytes().orElse(-1), files, size, sizes.compressed().orElse(null),
            sizes.compressedSource().id()),
        rows,
        new ImageReport.Dive(dive.efficiency(), dive.wastedBytes(), dive.userWastedPercent(), dive.userSizeBytes(),
            dive.inefficiencies().stream().limit(top).toList()),
        residue,
        new ImageReport.Binaries(elf.elfFiles(), elf.dynamic(), elf.problems()),
        List.copyOf(recs));
  }

  static List<String> ldLibraryPath(JsonNode config) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : config.path("config").path("Env")) {
      String s = e.asText("");
      if (s.startsWith("LD_LIBRARY_PATH=")) {
        for (String p : s.substring(16).split(":")) {
          if (!p.isEmpty()) {
            out.add(p);
          }
        }
      }
    }
    return out;
  }
}
