package io.stagebench.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.stagebench.lint.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lints every {@code fixtures/*}{@code /Dockerfile*} on disk against the findings written down
 * here ("RULE@LINE", in line order). A file on disk without a row fails; a row without a file is
 * fine (fixtures being written elsewhere add their row when they land). Multi-stage variants must
 * carry no warning or error; single-stage variants must at least be flagged SB001.
 */
class FixtureLintTest {
  static final Map<String, List<String>> EXPECTED = new TreeMap<>();

  static {
    row("fullstack/Dockerfile.multi", "SB011@11", "SB011@18", "SB011@20");
    row("fullstack/Dockerfile.single", "SB001@4", "SB013@4", "SB011@5", "SB002@9", "DL3003@10", "SB004@10", "SB011@10", "DL3003@11", "DL3059@11", "SB011@11");
    row("nextjs/Dockerfile.multi", "SB011@10");
    row("nextjs/Dockerfile.single", "SB001@5", "SB013@5", "SB002@8", "SB004@9", "SB011@9", "DL3059@10");
    row("node/Dockerfile.multi", "SB011@10");
    row("node/Dockerfile.multi-cache");
    row("node/Dockerfile.multi-prune", "SB011@9");
    row("node/Dockerfile.multi-test", "SB011@10");
    row("node/Dockerfile.single", "SB001@4", "SB013@4", "SB002@6", "SB004@7", "SB011@7");
    row("node/Dockerfile.targets", "SB011@10", "SB007@12");
    row("go-cgo/Dockerfile.multi", "SB011@7", "SB011@10", "SB011@12", "SB011@17");
    row("go-cgo/Dockerfile.single", "SB001@4", "SB011@5", "SB002@7", "SB011@8", "SB013@4");
    row("go-static/Dockerfile.multi", "SB011@9", "SB011@11");
    row("go-static/Dockerfile.single", "SB001@3", "SB013@3", "SB002@5", "SB011@6");
    row("java-gradle/Dockerfile.multi", "SB011@14", "SB011@18");
    row("java-gradle/Dockerfile.single", "SB001@4", "SB013@4", "SB002@9", "SB011@10");
    row("java-maven/Dockerfile.multi", "SB011@11", "SB011@16");
    row("java-maven/Dockerfile.single", "SB001@4", "SB013@4", "SB002@6", "SB011@7");
    row("python/Dockerfile.multi-venv", "SB011@14");
    row("python/Dockerfile.multi-wheels", "SB011@10", "SB011@18");
    row("python/Dockerfile.single", "SB001@4", "SB013@4", "SB002@6", "DL3042@7", "SB011@7");
    row("rust/Dockerfile.multi", "SB011@12", "SB011@18");
    row("rust/Dockerfile.single", "SB001@4", "SB013@4", "SB002@6", "SB011@7");
  }

  static void row(String file, String... findings) {
    EXPECTED.put(file, List.of(findings));
  }

  static Path fixtures() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("fixtures"))) {
      p = p.getParent();
    }
    if (p == null) {
      fail("no fixtures/ directory above " + Path.of("").toAbsolutePath());
    }
    return p.resolve("fixtures");
  }

  static List<Path> dockerfiles() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(fixtures())) {
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(d)) {
          files.filter(f -> f.getFileName().toString().startsWith("Dockerfile")).sorted().forEach(out::add);
        }
      }
    }
    return out;
  }

  @Test
  void everyFixtureDockerfileHasItsExpectedFindings() throws Exception {
    List<Path> files = dockerfiles();
    assertThat(files).isNotEmpty();
    Linter linter = new Linter(Rules.all());
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      String rel = fixtures().relativize(f).toString().replace('\\', '/');
      List<Finding> found = linter.lint(f, Linter.Options.defaults()).findings();
      List<String> actual = found.stream().map(x -> x.ruleId() + "@" + x.line()).sorted().toList();
      List<String> expected = EXPECTED.get(rel);
      if (expected == null) {
        problems.add(rel + ": no expected row; actual " + actual);
        continue;
      }
      if (!actual.equals(expected.stream().sorted().toList())) {
        problems.add(rel + ": expected " + expected.stream().sorted().toList() + " but got " + actual
            + "\n    " + String.join("\n    ", found.stream().map(Object::toString).toList()));
      }
      boolean multi = rel.contains(".multi");
      if (multi) {
        found.stream().filter(x -> x.severity().reaches(Severity.WARNING))
            .forEach(x -> problems.add(rel + ": a multi-stage variant carries " + x));
      } else if (rel.contains(".single")) {
        if (found.stream().noneMatch(x -> x.ruleId().equals("SB001"))) {
          problems.add(rel + ": a single-stage variant is not flagged SB001");
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }
}
