package io.stagebench.harness;

import java.nio.file.Path;

/** The checkout, from a test's working directory (a module directory under Maven). */
final class TestHome {
  private TestHome() {}

  static Path locate() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (StagebenchHome.isHome(p)) {
        return p;
      }
    }
    throw new AssertionError("no stagebench checkout above " + Path.of("").toAbsolutePath());
  }
}
