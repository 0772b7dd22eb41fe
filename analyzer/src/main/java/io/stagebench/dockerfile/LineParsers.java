package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one logical line (continuations joined) into a {@link Node}: the keyword, the builder
 * flags and the arguments split the way BuildKit splits each instruction. Line numbers and
 * heredoc bodies are the scanner's business ({@link DockerfileParser}).
 */
final class LineParsers {
  /** BuildKit separates words of FROM, EXPOSE, COPY... on these ASCII blanks only. */
  static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * Splits on runs of {@link #isBlank} characters like Go's {@code regexp.Split(s, limit)}: empty
   * pieces at the ends are kept, at most {@code limit} pieces when limit is positive.
   */
  static List<String> splitBlanks(String s, int limit) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      if (limit > 0 && out.size() == limit - 1) {
        break;
      }
      if (!isBlank(s.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (i < s.length() && isBlank(s.charAt(i))) {
        i++;
      }
      out.add(s.substring(start, end));
      start = i;
    }
    out.add(s.substring(start));
    return out;
  }

  private LineParsers() {}

  /** The parsed form of one line, before it gets its line numbers. */
  record Node(
      String keyword,
      List<String> flags,
      String args,
      List<String> arguments,
      boolean json,
      List<KeyValue> keyValues,
      Node child,
      String original) {}

  /** A problem with the line, located by its column (1-based) inside the logical line. */
  static final class LineError extends Exception {
    private static final long serialVersionUID = 1L;
    final int column;

    LineError(String message, int column) {
      super(message);
      this.column = column;
    }
  }

  /** ONBUILD ONBUILD ... is legal syntax; a bound keeps a hostile file from exhausting the stack. */
  private static final int MAX_NESTING = 64;

  static Node parse(String line, char escape) throws LineError {
    return parse(line, escape, 0);
  }

  private static Node parse(String line, char escape, int depth) throws LineError {
    if (depth > MAX_NESTING) {
      throw new LineError("ONBUILD nested more than " + MAX_NESTING + " levels deep", 1);
    }
    String trimmed = GoText.trimSpace(line);
    List<String> cmdline = splitBlanks(trimmed, 2);
    String keyword = cmdline.get(0).toLowerCase(Locale.ROOT);
    String args = "";
    List<String> flags = List.of();
    if (cmdline.size() == 2) {
      BuilderFlags.Split split = BuilderFlags.extract(cmdline.get(1));
      args = GoText.trimSpace(split.rest());
      flags = split.flags();
    }
    if (!Keywords.isKnown(keyword)) {
      int col = line.length() - GoText.trimLeftSpace(line).length() + 1;
      throw new LineError("unknown instruction: " + cmdline.get(0), col);
    }
    List<String> arguments = List.of();
    boolean json = false;
    List<KeyValue> kvs = List.of();
    Node child = null;
    switch (keyword) {
      case "add", "copy", "volume" -> {
        List<String> elements = json(args);
        json = elements != null;
        arguments = json ? elements : blankSeparated(args);
      }
      case "cmd", "entrypoint", "run", "shell" -> {
        if (!args.isEmpty()) {
          List<String> elements = json(args);
          json = elements != null;
          arguments = json ? elements : List.of(args);
        }
      }
      case "arg" -> {
        arguments = words(args, escape);
        kvs = arguments.stream().map(LineParsers::argPair).toList();
      }
      case "env", "label" -> {
        kvs = nameValues(args, keyword.toUpperCase(Locale.ROOT), escape);
        List<String> flat = new ArrayList<>();
        for (KeyValue kv : kvs) {
          flat.add(kv.key());
          flat.add(kv.rawValue().orElse(""));
          flat.add(kv.separator());
        }
        arguments = flat;
      }
      case "expose", "from" -> arguments = blankSeparated(args);
      case "healthcheck" -> {
        HealthSplit h = healthcheck(args);
        arguments = h.arguments;
        json = h.json;
      }
      case "onbuild" -> {
        if (!args.isEmpty()) {
          child = parse(args, escape, depth + 1);
        }
      }
      default -> arguments = args.isEmpty() ? List.of() : List.of(args); // MAINTAINER, USER, ...
    }
    return new Node(keyword, flags, args, arguments, json, kvs, child, line);
  }

  private static List<String> json(String args) throws LineError {
    try {
      return JsonArray.parse(args);
    } catch (JsonArray.NotStringArray e) {
      throw new LineError(e.getMessage(), 1);
    }
  }

  static List<String> blankSeparated(String args) {
    if (args.isEmpty()) {
      return List.of();
    }
    return List.copyOf(splitBlanks(args, -1));
  }

  private static KeyValue argPair(String word) {
    int eq = word.indexOf('=');
    if (eq < 0) {
      return new KeyValue(word, Optional.empty(), "");
    }
    return new KeyValue(word.substring(0, eq), Optional.of(word.substring(eq + 1)), "=");
  }

  /** ENV and LABEL: either the legacy {@code KEY value with spaces} or {@code k=v k2="v 2"}. */
  private static List<KeyValue> nameValues(String args, String keyword, char escape)
      throws LineError {
    List<String> words = words(args, escape);
    if (words.isEmpty()) {
      return List.of();
    }
    if (!words.get(0).contains("=")) {
      List<String> parts = splitBlanks(args, 2);
      if (parts.size() < 2) {
        throw new LineError(keyword + " must have two arguments", 1);
      }
      return List.of(new KeyValue(parts.get(0), Optional.of(parts.get(1)), ""));
    }
    List<KeyValue> kvs = new ArrayList<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new LineError(
            "Syntax error - can't find = in "
                + GoText.quote(word)
                + ". Must be of the form: name=value",
            1);
      }
      kvs.add(new KeyValue(word.substring(0, eq), Optional.of(word.substring(eq + 1)), "="));
    }
    return kvs;
  }

  /**
   * Splits on unquoted whitespace, keeping quotes and escapes in the words (BuildKit strips them
   * later, when it expands).
   */
  static List<String> words(String rest, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean blankOk = false;
    int quote = 0;
    boolean inQuote = false;
    int n = rest.length();
    int pos = 0;
    while (pos < n) {
      int ch = rest.codePointAt(pos);
      int width = Character.charCount(ch);
      if (!inWord && !inQuote) {
        if (GoText.isSpace(ch)) {
          pos += width;
          continue;
        }
        inWord = true;
      }
      if (inWord && !inQuote) {
        if (GoText.isSpace(ch)) {
          inWord = false;
          if (blankOk || word.length() > 0) {
            words.add(word.toString());
          }
          word.setLength(0);
          blankOk = false;
          pos += width;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          inQuote = true;
        }
        if (ch == escape) {
          if (pos + width == n) {
            pos += width; // an escape at the very end is dropped
            continue;
          }
          // Unquoted, the escape and the next character are both kept, even a quote.
          word.appendCodePoint(ch);
          pos += width;
          ch = rest.codePointAt(pos);
          width = Character.charCount(ch);
        }
        word.appendCodePoint(ch);
        pos += width;
        continue;
      }
      // inside quotes
      if (ch == quote) {
        inQuote = false;
      }
      if (ch == escape && quote != '\'') {
        if (pos + width == n) {
          inQuote = false;
          pos += width;
          continue;
        }
        pos += width;
        word.appendCodePoint(ch);
        ch = rest.codePointAt(pos);
        width = Character.charCount(ch);
      }
      word.appendCodePoint(ch);
      pos += width;
    }
    if ((inWord || inQuote) && (blankOk || word.length() > 0)) {
      words.add(word.toString());
    }
    return words;
  }

  private record HealthSplit(List<String> arguments, boolean json) {}

  /** HEALTHCHECK: a type word ({@code CMD}, {@code NONE}) and then a RUN-like command. */
  private static HealthSplit healthcheck(String args) throws LineError {
    String bytes = BuilderFlags.latin1View(args);
    int sep = 0;
    while (sep < bytes.length() && !GoText.isSpace(bytes.charAt(sep))) {
      sep++;
    }
    int next = sep;
    while (next < bytes.length() && GoText.isSpace(bytes.charAt(next))) {
      next++;
    }
    if (sep == 0) {
      return new HealthSplit(List.of(), false);
    }
    List<String> out = new ArrayList<>();
    out.add(BuilderFlags.fromBytes(bytes.substring(0, sep)));
    String cmd = BuilderFlags.fromBytes(bytes.substring(next));
    boolean json = false;
    if (!cmd.isEmpty()) {
      List<String> elements = json(cmd);
      json = elements != null;
      out.addAll(json ? elements : List.of(cmd));
    }
    return new HealthSplit(out, json);
  }
}
