package io.stagebench.dockerfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds BuildKit's parser corpus in {@code shared/conformance}, by walking up from here. */
final class Corpus {
  private Corpus() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/conformance/buildkit-parser");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "BuildKit parser corpus not found: looked for shared/conformance/buildkit-parser in "
            + dir
            + " and every parent directory. The conformance test needs it; it is not optional.");
  }

  static List<Path> cases(String subdir) {
    Path dir = root().resolve(subdir);
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("corpus directory missing: " + dir);
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> cases = s.filter(Files::isDirectory).sorted().toList();
      if (cases.isEmpty()) {
        throw new AssertionError("corpus directory has no cases: " + dir);
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
