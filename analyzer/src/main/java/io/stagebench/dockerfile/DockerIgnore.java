package io.stagebench.dockerfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore}, read and matched the way the docker CLI does (the
 * moby/patternmatcher semantics): lines starting with {@code #} are comments, surrounding blanks are
 * trimmed, {@code !} starts an exception, paths are cleaned ({@code ./a/../b} is {@code b}, a
 * leading {@code /} is dropped), {@code *} and {@code ?} stay within one path element, {@code **}
 * spans any number of elements (none included), {@code [...]} and {@code \} are Go
 * {@code filepath.Match} syntax ({@code [^a]} negates, {@code !} in a class is a plain character),
 * a malformed pattern is an error as it is for {@code docker build}, a pattern also excludes
 * everything below a directory it matches, and the last matching pattern decides.
 */
public final class DockerIgnore {
  /** One cleaned pattern. */
  public record Rule(String pattern, boolean exception, Pattern regex) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** No rules: everything is sent. */
  public static DockerIgnore none() {
    return new DockerIgnore(List.of());
  }

  /** The rules of {@code dir/.dockerignore}, or none when the file is absent. */
  public static DockerIgnore load(Path contextDir) throws IOException {
    Path f = contextDir.resolve(".dockerignore");
    if (!Files.isRegularFile(f)) {
      return none();
    }
    return parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
  }

  /**
   * Parses the text of a {@code .dockerignore}.
   *
   * @throws IllegalArgumentException for a lone {@code !} or a malformed pattern (an unclosed or
   *     empty {@code [...]}, a reversed range, a trailing {@code \}): {@code docker build} refuses them too
   */
  public static DockerIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    for (String raw : text.split("\r?\n", -1)) {
      if (raw.startsWith("#")) {
        continue;
      }
      String p = raw.strip();
      if (p.isEmpty()) {
        continue;
      }
      boolean exception = false;
      if (p.charAt(0) == '!') {
        if (p.length() == 1) {
          throw new IllegalArgumentException(".dockerignore: illegal exclusion pattern: \"!\"");
        }
        exception = true;
        p = p.substring(1).strip();
      }
      p = clean(p);
      if (p.length() > 1 && p.charAt(0) == '/') {
        p = p.substring(1);
      }
      rules.add(new Rule(p, exception, compile(p)));
    }
    return new DockerIgnore(rules);
  }

  /** The rules in file order. */
  public List<Rule> rules() {
    return rules;
  }

  /** Whether any rule is an exception ({@code !pattern}). */
  public boolean hasExceptions() {
    return rules.stream().anyMatch(Rule::exception);
  }

  /**
   * Whether {@code relPath} (slash-separated, relative to the context) is excluded: the last rule
   * that matches the path or one of its parent directories decides.
   */
  public boolean excluded(String relPath) {
    String path = clean(relPath);
    boolean excluded = false;
    for (Rule r : rules) {
      boolean match = r.regex().matcher(path).matches();
      // a pattern naming a directory also covers what is below it: try every parent, shortest first
      for (int slash = path.indexOf('/'); !match && slash > 0; slash = path.indexOf('/', slash + 1)) {
        match = r.regex().matcher(path.substring(0, slash)).matches();
      }
      if (match) {
        excluded = !r.exception();
      }
    }
    return excluded;
  }

  /**
   * Whether the walk must enter an excluded directory because an exception could bring back
   * something below it (Docker walks it then, and sends only what the exceptions re-include).
   */
  public boolean mayReinclude(String dirRelPath) {
    String dir = clean(dirRelPath) + "/";
    for (Rule r : rules) {
      if (!r.exception()) {
        continue;
      }
      String p = r.pattern();
      if (p.contains("*") || p.contains("?") || p.contains("[") || p.contains("\\")) {
        return true; // a wildcard exception could match anywhere; walk and let matching decide
      }
      if ((p + "/").startsWith(dir)) {
        return true;
      }
    }
    return false;
  }

  /** Lexical clean like Go's {@code filepath.Clean} for slash paths. */
  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add("..");
        }
        continue;
      }
      out.add(part);
    }
    String s = String.join("/", out);
    if (rooted) {
      return "/" + s;
    }
    return s.isEmpty() ? "." : s;
  }

  /**
   * Translates one cleaned pattern into an anchored regular expression.
   *
   * @throws IllegalArgumentException when the pattern is not valid {@code filepath.Match} syntax
   */
  static Pattern compile(String pattern) {
    StringBuilder re = new StringBuilder("^");
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        if (i + 1 < n && pattern.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < n && pattern.charAt(i + 1) == '/') {
            i++;
          }
          if (i + 1 >= n) {
            re.append(".*");
          } else {
            re.append("(.*/)?");
          }
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '\\') {
        if (i + 1 >= n) {
          throw badPattern(pattern);
        }
        int escaped = pattern.codePointAt(i + 1);
        re.append(Pattern.quote(Character.toString(escaped)));
        i += Character.charCount(escaped);
      } else if (c == '[') {
        i = characterClass(pattern, i, re);
      } else if (".+()|{}$^".indexOf(c) >= 0) {
        re.append('\\').append(c);
      } else {
        re.append(c);
      }
    }
    return Pattern.compile(re.append('$').toString());
  }

  /**
   * Appends the class that starts at {@code open} (a {@code [}) as a Java class and returns the
   * index of its {@code ]}. Go syntax: an optional {@code ^} negates, then one or more characters
   * or ranges {@code lo-hi}, each character possibly escaped with {@code \}; a {@code -} or
   * {@code ]} must be escaped, except that {@code ]} after the first item closes the class.
   */
  private static int characterClass(String pattern, int open, StringBuilder re) {
    StringBuilder cls = new StringBuilder("[");
    int i = open + 1;
    if (i < pattern.length() && pattern.charAt(i) == '^') {
      cls.append('^');
      i++;
    }
    for (int items = 0; ; items++) {
      if (items > 0 && i < pattern.length() && pattern.charAt(i) == ']') {
        re.append(cls).append(']');
        return i;
      }
      int lo = classCharacter(pattern, i);
      i += classCharacterLength(pattern, i);
      cls.append(String.format("\\x{%x}", lo));
      if (pattern.charAt(i) == '-') {
        int hi = classCharacter(pattern, i + 1);
        if (hi < lo) {
          throw badPattern(pattern); // the engine's regexp refuses a reversed range
        }
        i += 1 + classCharacterLength(pattern, i + 1);
        cls.append(String.format("-\\x{%x}", hi));
      }
    }
  }

  /** The code point of the (possibly escaped) class character at {@code i}; more of the class must follow it. */
  private static int classCharacter(String pattern, int i) {
    int n = pattern.length();
    if (i >= n || pattern.charAt(i) == '-' || pattern.charAt(i) == ']') {
      throw badPattern(pattern);
    }
    if (pattern.charAt(i) == '\\') {
      i++;
    }
    if (i >= n || i + Character.charCount(pattern.codePointAt(i)) >= n) {
      throw badPattern(pattern); // the class is not closed
    }
    return pattern.codePointAt(i);
  }

  private static int classCharacterLength(String pattern, int i) {
    int escape = pattern.charAt(i) == '\\' ? 1 : 0;
    return escape + Character.charCount(pattern.codePointAt(i + escape));
  }

  private static IllegalArgumentException badPattern(String pattern) {
    return new IllegalArgumentException(".dockerignore: syntax error in pattern \"" + pattern + "\"");
  }
}
