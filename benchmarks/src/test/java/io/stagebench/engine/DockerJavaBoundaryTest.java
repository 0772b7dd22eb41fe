package io.stagebench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker-java stays behind the engine package: no main source file of either module outside
 * {@code analyzer/src/main/java/io/stagebench/engine/} names it, in an import or spelled out.
 */
class DockerJavaBoundaryTest {
  static final String DOCKER_JAVA = "com.github.dockerjava";

  /** This module's directory (surefire runs in it and also says so in {@code basedir}). */
  static Path basedir() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  @Test
  void onlyTheEnginePackageUsesDockerJava() throws IOException {
    Path analyzer = basedir().resolveSibling("analyzer").resolve("src/main/java");
    Path benchmarks = basedir().resolve("src/main/java");
    Path engine = analyzer.resolve("io/stagebench/engine");
    assertThat(engine.resolve("Engine.java")).as("the analyzer module next to this one").isRegularFile();
    assertThat(benchmarks.resolve("io/stagebench/cli/Main.java")).isRegularFile();

    List<String> offenders;
    try (Stream<Path> files = Stream.concat(Files.walk(analyzer), Files.walk(benchmarks))) {
      offenders = files
          .filter(p -> p.toString().endsWith(".java") && !p.startsWith(engine))
          .filter(DockerJavaBoundaryTest::namesDockerJava)
          .map(p -> basedir().getParent().relativize(p).toString())
          .toList();
    }
    assertThat(offenders).as("main sources outside %s that use %s: go through Engine.images(), Engine.containers() "
        + "or a new narrow operation there instead", "io.stagebench.engine", DOCKER_JAVA).isEmpty();
  }

  @Test
  void theScanWouldSeeAnImport() {
    // the engine package itself is where docker-java lives: the scan must find it there
    assertThat(namesDockerJava(basedir().resolveSibling("analyzer").resolve("src/main/java/io/stagebench/engine/Engine.java")))
        .isTrue();
  }

  static boolean namesDockerJava(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).contains(DOCKER_JAVA);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
