package io.stagebench.lint;

import io.stagebench.dockerfile.DockerIgnore;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build context as the builder would receive it: the {@code .dockerignore} rules (Docker's
 * patterns: {@code *}, {@code ?}, {@code **}, {@code !} exceptions, the last match wins, an
 * excluded directory excludes its contents), the bytes and files sent, and the heavy directories
 * ({@code .git}, {@code node_modules}, {@code target}, {@code build}) that get through.
 *
 * @param dockerignore whether the context has a {@code .dockerignore}
 * @param bytes the bytes of the regular files sent
 * @param files the number of regular files sent
 * @param leaks heavy directories sent, relative path to the bytes under them
 */
public record ContextScan(boolean dockerignore, long bytes, long files, Map<String, Long> leaks) {
  /** Directory names that are build output or metadata and should not be in a context. */
  public static final List<String> HEAVY = List.of(".git", "node_modules", "target", "build");

  public ContextScan {
    leaks = Collections.unmodifiableMap(new LinkedHashMap<>(leaks));
  }

  /** Scans a context directory. */
  public static ContextScan scan(Path dir) throws IOException {
    Path ignoreFile = dir.resolve(".dockerignore");
    boolean has = Files.isRegularFile(ignoreFile);
    // The same .dockerignore reading the builders use to pack the context.
    DockerIgnore ignore = has
        ? DockerIgnore.parse(Files.readString(ignoreFile))
        : DockerIgnore.none();
    long[] totals = new long[2];
    Map<String, Long> leaks = new LinkedHashMap<>();
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        if (d.equals(dir)) {
          return FileVisitResult.CONTINUE;
        }
        String rel = rel(dir, d);
        if (ignore.excluded(rel) && !ignore.mayReinclude(rel)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        String rel = rel(dir, f);
        if (attrs.isRegularFile() && !ignore.excluded(rel)) {
          totals[0] += attrs.size();
          totals[1]++;
          heavyPrefix(rel).ifPresent(p -> leaks.merge(p, attrs.size(), Long::sum));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    return new ContextScan(has, totals[0], totals[1], leaks);
  }

  private static String rel(Path dir, Path p) {
    return dir.relativize(p).toString().replace('\\', '/');
  }

  private static Optional<String> heavyPrefix(String rel) {
    String[] parts = rel.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (HEAVY.contains(parts[i])) {
        return Optional.of(String.join("/", Arrays.copyOf(parts, i + 1)));
      }
    }
    return Optional.empty();
  }
}
