package io.stagebench.image;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that every dynamically linked ELF file in the final tree can be loaded: its interpreter exists
 * and each DT_NEEDED library is found where the loader would look (DT_RPATH when there is no
 * DT_RUNPATH, LD_LIBRARY_PATH from the image's Env, DT_RUNPATH, the directories of
 * {@code /etc/ld.so.conf} and its includes, then the default and multiarch directories), following
 * symlinks inside the tree.
 */
public final class ElfCheck {
  /** A file that cannot start (executables: error) or load (shared libraries: warning). */
  public record Problem(String path, boolean executable, int layer, String missingInterpreter, List<String> missingLibraries) {}

  public record Result(int elfFiles, int dynamic, List<Problem> problems) {}

  static final List<String> DEFAULT_DIRS = List.of(
      "lib/x86_64-linux-gnu", "usr/lib/x86_64-linux-gnu", "lib/aarch64-linux-gnu", "usr/lib/aarch64-linux-gnu",
      "lib64", "usr/lib64", "lib", "usr/lib", "usr/local/lib");

  private ElfCheck() {}

  public static Result check(MergedTree tree, List<String> ldLibraryPath) {
    List<String> confDirs = ldSoConf(tree);
    int elf = 0, dynamic = 0;
    List<Problem> problems = new ArrayList<>();
    for (MergedTree.Node n : tree.nodes().values()) {
      ElfInfo info = n.elf();
      if (n.kind() != LayerEntry.Kind.FILE || info == null) {
        continue;
      }
      elf++;
      if (info.interpreter() == null && info.needed().isEmpty()) {
        continue;
      }
      dynamic++;
      String dir = n.path().contains("/") ? n.path().substring(0, n.path().lastIndexOf('/')) : "";
      String missingInterp = null;
      if (info.interpreter() != null && tree.resolve(strip(info.interpreter())) == null) {
        missingInterp = info.interpreter();
      }
      List<String> search = new ArrayList<>();
      if (info.runpath().isEmpty()) {
        info.rpath().forEach(p -> search.add(origin(p, dir)));
      }
      search.addAll(ldLibraryPath);
      info.runpath().forEach(p -> search.add(origin(p, dir)));
      search.addAll(confDirs);
      search.addAll(DEFAULT_DIRS);
      List<String> missing = new ArrayList<>();
      for (String lib : info.needed()) {
        boolean found = false;
        if (lib.contains("/")) {
          found = tree.resolve(strip(lib)) != null;
        } else {
          for (String d : search) {
            String sd = strip(d);
            if (tree.resolve(sd.isEmpty() ? lib : sd + "/" + lib) != null) {
              found = true;
              break;
            }
          }
        }
        if (!found) {
          missing.add(lib);
        }
      }
      if (missingInterp != null || !missing.isEmpty()) {
        problems.add(new Problem("/" + n.path(), info.executable(), n.layer(), missingInterp, List.copyOf(missing)));
      }
    }
    return new Result(elf, dynamic, List.copyOf(problems));
  }

  private static String origin(String p, String dir) {
    return p.replace("${ORIGIN}", "/" + dir).replace("$ORIGIN", "/" + dir);
  }

  private static String strip(String p) {
    String s = p;
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Directories listed by /etc/ld.so.conf, following {@code include} globs (one level of '*'). */
  static List<String> ldSoConf(MergedTree tree) {
    Set<String> dirs = new LinkedHashSet<>();
    readConf(tree, "etc/ld.so.conf", dirs, 0);
    return List.copyOf(dirs);
  }

  private static void readConf(MergedTree tree, String path, Set<String> dirs, int depth) {
    MergedTree.Node n = tree.resolve(path);
    if (n == null || n.text() == null || depth > 4) {
      return;
    }
    for (String raw : n.text().split("\n")) {
      String line = raw.replaceAll("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("include")) {
        String pat = strip(line.substring(7).trim());
        int star = pat.indexOf('*');
        if (star < 0) {
          readConf(tree, pat, dirs, depth + 1);
          continue;
        }
        String dir = pat.substring(0, pat.lastIndexOf('/', star));
        String glob = pat.substring(pat.lastIndexOf('/', star) + 1);
        String regex = glob.replace(".", "\\.").replace("*", "[^/]*");
        for (String p : new ArrayList<>(tree.under(dir).keySet())) {
          String rest = p.substring(dir.length() + 1);
          if (!rest.contains("/") && rest.matches(regex)) {
            readConf(tree, p, dirs, depth + 1);
          }
        }
      } else {
        dirs.add(line);
      }
    }
  }
}
