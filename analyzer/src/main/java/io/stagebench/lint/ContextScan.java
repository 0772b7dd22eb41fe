package io.stagebench.lint;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
    leaks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leaks));
  }

  /** Scans a context directory. */
  public static ContextScan scan(Path dir) throws IOException {
    Path ignoreFile = dir.resolve(".dockerignore");
    boolean has = Files.isRegularFile(ignoreFile);
    Ignore ignore = has ? Ignore.parse(Files.readString(ignoreFile)) : Ignore.parse("");
    long[] totals = new long[2];
    Map<String, Long> leaks = new LinkedHashMap<>();
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        if (d.equals(dir)) {
          return FileVisitResult.CONTINUE;
        }
        String rel = rel(dir, d);
        if (ignore.excludes(rel) && !ignore.hasExceptions()) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        String rel = rel(dir, f);
        if (attrs.isRegularFile() && !ignore.excludes(rel)) {
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
        return Optional.of(String.join("/", java.util.Arrays.copyOf(parts, i + 1)));
      }
    }
    return Optional.empty();
  }

  /** Human units for text. */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    do {
      v /= 1024;
      u++;
    } while (v >= 1024 && u < units.length - 1);
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** The patterns of a {@code .dockerignore}. */
  public static final class Ignore {
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<Boolean> negated = new ArrayList<>();

    /** Parses the file's text: one pattern a line, {@code #} comments, {@code !} exceptions. */
    public static Ignore parse(String text) {
      Ignore ig = new Ignore();
      for (String raw : text.split("\r?\n")) {
        String line = raw.trim();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        boolean neg = line.startsWith("!");
        if (neg) {
          line = line.substring(1).trim();
        }
        line = line.replaceAll("^(\\./)+", "").replaceAll("^/+", "").replaceAll("/+$", "");
        if (line.isEmpty()) {
          continue;
        }
        ig.patterns.add(Pattern.compile(toRegex(line)));
        ig.negated.add(neg);
      }
      return ig;
    }

    boolean hasExceptions() {
      return negated.contains(true);
    }

    /** Whether a context-relative path ({@code a/b.txt}) is left out. */
    public boolean excludes(String rel) {
      boolean out = false;
      for (int i = 0; i < patterns.size(); i++) {
        if (matchesSelfOrParent(patterns.get(i), rel)) {
          out = !negated.get(i);
        }
      }
      return out;
    }

    private static boolean matchesSelfOrParent(Pattern p, String rel) {
      String cur = rel;
      while (true) {
        if (p.matcher(cur).matches()) {
          return true;
        }
        int slash = cur.lastIndexOf('/');
        if (slash < 0) {
          return false;
        }
        cur = cur.substring(0, slash);
      }
    }

    private static String toRegex(String glob) {
      StringBuilder re = new StringBuilder();
      for (int i = 0; i < glob.length(); i++) {
        char c = glob.charAt(i);
        if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
            i++;
            re.append("(?:.*/)?");
          } else {
            re.append(".*");
          }
        } else if (c == '*') {
          re.append("[^/]*");
        } else if (c == '?') {
          re.append("[^/]");
        } else if (c == '\\' && i + 1 < glob.length()) {
          re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
        } else {
          re.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return re.toString();
    }
  }
}
