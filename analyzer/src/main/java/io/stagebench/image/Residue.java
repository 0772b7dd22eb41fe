package io.stagebench.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a build left behind in the final tree: toolchains, package caches, headers, docs, VCS data, tests. */
public final class Residue {
  /** Kinds of residue; {@code lintRule} ties it to the lint rule that prevents it. */
  public enum Kind {
    TOOLCHAIN("SB001"),
    PACKAGE_CACHE("SB011"),
    APT_LISTS("DL3009"),
    PIP_CACHE("DL3042"),
    HEADERS_STATIC_LIBS(null),
    DOCS(null),
    VCS(null),
    TESTS_SOURCEMAPS(null);

    public final String lintRule;

    Kind(String lintRule) {
      this.lintRule = lintRule;
    }
  }

  /**
   * One group of residue: a directory (or a pattern) with its bytes and file count, and the layer that
   * added most of those bytes.
   */
  public record Item(Kind kind, String what, String path, long bytes, int files, int layer) {}

  private record Rule(Kind kind, String what, Pattern pattern) {}

  // group(1) of each pattern is the reported path
  private static final List<Rule> RULES = List.of(
      new Rule(Kind.TOOLCHAIN, "gcc (cc1, collect2)", Pattern.compile("^((?:usr/lib|usr/libexec)/gcc)/.*/cc1(?:plus)?$")),
      new Rule(Kind.TOOLCHAIN, "Go toolchain", Pattern.compile("^(usr/lib/go-[^/]+|usr/local/go)/.*")),
      new Rule(Kind.TOOLCHAIN, "Rust toolchain", Pattern.compile("^((?:usr|usr/local)/lib/rustlib|root/\\.rustup|usr/local/rustup)/.*")),
      new Rule(Kind.TOOLCHAIN, "rustc/cargo", Pattern.compile("^((?:usr/bin|usr/local/bin|usr/local/cargo/bin)/(?:rustc|cargo|rustdoc))$")),
      new Rule(Kind.TOOLCHAIN, "node-gyp", Pattern.compile("^(.*?/node-gyp|root/\\.cache/node-gyp)/.*")),
      new Rule(Kind.APT_LISTS, "apt package lists", Pattern.compile("^(var/lib/apt/lists)/[^/]+_[^/]+$")),
      new Rule(Kind.PACKAGE_CACHE, "apt archives", Pattern.compile("^(var/cache/apt)/.*")),
      new Rule(Kind.PIP_CACHE, "pip cache", Pattern.compile("^((?:root|home/[^/]+)/\\.cache/pip)/.*")),
      new Rule(Kind.PACKAGE_CACHE, "npm cache", Pattern.compile("^((?:root|home/[^/]+)/\\.npm)/.*")),
      new Rule(Kind.PACKAGE_CACHE, "yarn cache", Pattern.compile("^((?:root|home/[^/]+)/\\.cache/yarn|usr/local/share/\\.cache/yarn)/.*")),
      new Rule(Kind.PACKAGE_CACHE, "Maven repository", Pattern.compile("^((?:root|home/[^/]+)/\\.m2)/.*")),
      new Rule(Kind.PACKAGE_CACHE, "Gradle cache", Pattern.compile("^((?:root|home/[^/]+)/\\.gradle)/.*")),
      new Rule(Kind.PACKAGE_CACHE, "Cargo registry", Pattern.compile("^((?:root|home/[^/]+)/\\.cargo/registry|usr/local/cargo/registry)/.*")),
      new Rule(Kind.PACKAGE_CACHE, "Go build/module cache", Pattern.compile("^((?:root|home/[^/]+)/\\.cache/go-build|(?:root|home/[^/]+)/go/pkg/mod|go/pkg/mod)/.*")),
      new Rule(Kind.HEADERS_STATIC_LIBS, "C headers", Pattern.compile("^((?:usr|usr/local)/include)/.*")),
      new Rule(Kind.HEADERS_STATIC_LIBS, "static libraries", Pattern.compile("^(.*)/[^/]+\\.a$")),
      new Rule(Kind.DOCS, "docs", Pattern.compile("^(usr/share/(?:doc|info|gtk-doc))/.*")),
      new Rule(Kind.DOCS, "man pages", Pattern.compile("^(usr/share/man)/.*")),
      new Rule(Kind.DOCS, "locales", Pattern.compile("^(usr/share/locale)/.*")),
      new Rule(Kind.VCS, "VCS metadata", Pattern.compile("^(.*?/\\.(?:git|svn|hg)|\\.(?:git|svn|hg))/.*")),
      new Rule(Kind.TESTS_SOURCEMAPS, "source maps", Pattern.compile("^(.*)/[^/]+\\.(?:js|css|mjs|cjs)\\.map$")),
      new Rule(Kind.TESTS_SOURCEMAPS, "package tests", Pattern.compile("^(.*/(?:node_modules|site-packages|dist-packages)/(?:.*/)?(?:tests?|__tests__))/.*")));

  private Residue() {}

  /** Finds the residue in a final tree, largest first. */
  public static List<Item> find(MergedTree tree) {
    Map<String, long[]> groups = new LinkedHashMap<>(); // key -> bytes, files, then per-layer bytes
    Map<String, Rule> ruleOf = new LinkedHashMap<>();
    Map<String, Map<Integer, Long>> byLayer = new LinkedHashMap<>();
    Set<String> jdks = new HashSet<>();
    for (MergedTree.Node n : tree.nodes().values()) {
      Matcher m = JDK.matcher(n.path());
      if (m.matches()) {
        jdks.add(m.group(1));
      }
    }
    for (MergedTree.Node n : tree.nodes().values()) {
      if (n.kind() != LayerEntry.Kind.FILE && n.kind() != LayerEntry.Kind.SYMLINK) {
        continue;
      }
      String path = n.path();
      Rule hit = null;
      String key = null;
      for (String jdk : jdks) {
        if (path.startsWith(jdk + "/")) {
          hit = new Rule(Kind.TOOLCHAIN, "JDK (a JRE would do at run time)", null);
          key = jdk;
          break;
        }
      }
      if (hit == null) {
        for (Rule r : RULES) {
          Matcher m = r.pattern().matcher(path);
          if (m.matches()) {
            hit = r;
            key = m.group(1);
            break;
          }
        }
      }
      if (hit == null) {
        continue;
      }
      if (hit.what().startsWith("gcc")) {
        // count the whole gcc tree, found through cc1
        continue;
      }
      String k = hit.kind() + "|" + hit.what() + "|" + key;
      ruleOf.putIfAbsent(k, hit);
      long[] g = groups.computeIfAbsent(k, x -> new long[2]);
      g[0] += n.size();
      g[1]++;
      byLayer.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(n.layer(), n.size(), Long::sum);
    }
    // gcc: the directories holding cc1 and everything under them
    Set<String> gccRoots = new HashSet<>();
    for (MergedTree.Node n : tree.nodes().values()) {
      Matcher m = RULES.get(0).pattern().matcher(n.path());
      if (m.matches()) {
        gccRoots.add(m.group(1));
      }
    }
    for (String root : gccRoots) {
      String k = Kind.TOOLCHAIN + "|gcc (cc1, collect2)|" + root;
      ruleOf.put(k, RULES.get(0));
      long[] g = groups.computeIfAbsent(k, x -> new long[2]);
      for (MergedTree.Node n : tree.under(root).values()) {
        if (n.kind() == LayerEntry.Kind.FILE || n.kind() == LayerEntry.Kind.SYMLINK) {
          g[0] += n.size();
          g[1]++;
          byLayer.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(n.layer(), n.size(), Long::sum);
        }
      }
    }
    List<Item> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : groups.entrySet()) {
      String[] parts = e.getKey().split("\\|", 3);
      int layer = byLayer.getOrDefault(e.getKey(), Map.of()).entrySet().stream()
          .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
      out.add(new Item(Kind.valueOf(parts[0]), parts[1], "/" + parts[2], e.getValue()[0], (int) e.getValue()[1], layer));
    }
    out.sort(Comparator.comparingLong(Item::bytes).reversed().thenComparing(Item::path));
    return out;
  }

  private static final Pattern JDK = Pattern.compile("^(usr/lib/jvm/[^/]+|opt/java/[^/]+|usr/local/openjdk[^/]*)/bin/javac$");
}
