package io.stagebench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import rule of docs/architecture.md, read from the sources of both modules: each package
 * imports only the packages below it, so the flow cli → run → {bases, fixture} → engine has no
 * arrow back and no cycle.
 */
class PackageRulesTest {
  private static final Set<String> ANALYZER = Set.of("", "dockerfile", "lint", "lint.rules", "engine", "image");

  /** Package (relative to io.stagebench) to the packages it may import. */
  private static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
      Map.entry("", Set.of()),
      Map.entry("dockerfile", Set.of("")),
      Map.entry("lint", Set.of("", "dockerfile")),
      Map.entry("lint.rules", Set.of("", "dockerfile", "lint")),
      Map.entry("engine", Set.of("", "dockerfile")),
      Map.entry("image", Set.of("", "dockerfile", "engine", "lint")),
      Map.entry("fixture", union(ANALYZER, Set.of())),
      Map.entry("bases", Set.of("", "engine")),
      Map.entry("report", Set.of("")),
      Map.entry("run", union(ANALYZER, Set.of("fixture", "bases", "report"))),
      Map.entry("jmh", union(ANALYZER, Set.of("fixture", "bases", "report", "run"))),
      Map.entry("cli", union(ANALYZER, Set.of("fixture", "bases", "report", "run"))));

  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.stagebench\\.((?:[a-z]+\\.)*)(?:[A-Z]|\\*)", Pattern.MULTILINE);

  @Test
  void everyPackageImportsOnlyWhatTheRuleAllows() throws IOException {
    List<String> broken = new ArrayList<>();
    int files = 0;
    for (Path root : mainRoots()) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
          Set<String> allowed = MAY_IMPORT.get(pkg);
          assertThat(allowed).as("package io.stagebench." + pkg + " (" + f + ") is not in the rule; add it there and to docs/architecture.md").isNotNull();
          Matcher m = IMPORT.matcher(Files.readString(f));
          while (m.find()) {
            String target = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
            if (!target.equals(pkg) && !allowed.contains(target)) {
              broken.add(f.getFileName() + " (" + pkg + ") imports io.stagebench." + target);
            }
          }
        }
      }
    }
    assertThat(files).as("source files read").isGreaterThan(150);
    assertThat(broken).isEmpty();
  }

  /** The main source roots at io/stagebench of both modules (the tests run in benchmarks/). */
  static List<Path> mainRoots() {
    Path here = Path.of("").toAbsolutePath();
    Path top = Files.isDirectory(here.resolve("analyzer")) ? here : here.getParent();
    return List.of(top.resolve("analyzer/src/main/java/io/stagebench"), top.resolve("benchmarks/src/main/java/io/stagebench"));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }
}
