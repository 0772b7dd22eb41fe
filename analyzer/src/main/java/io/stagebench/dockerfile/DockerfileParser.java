package io.stagebench.dockerfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses Dockerfiles the way BuildKit's parser does: line by line, with parser directives,
 * continuation lines (comments and blank lines allowed inside), heredocs and per-instruction
 * argument rules.
 *
 * <p>{@link #parse} also applies the checks the builder makes before building (a FROM first,
 * known flags, valid stage names); {@link #parseSyntax} stops at what BuildKit's parser itself
 * rejects, which is what its conformance corpus tests.
 */
public final class DockerfileParser {
  private DockerfileParser() {}

  /**
   * Parses and validates a Dockerfile.
   *
   * @throws DockerfileParseException when Docker would refuse the file; nothing else escapes
   */
  public static Dockerfile parse(String source) throws DockerfileParseException {
    Dockerfile syntax = parseSyntax(source);
    StageValidator.validate(syntax);
    return syntax;
  }

  /** Decodes UTF-8 (invalid bytes become U+FFFD, as Go prints them) and {@link #parse}s. */
  public static Dockerfile parse(byte[] source) throws DockerfileParseException {
    return parse(decode(source));
  }

  /**
   * Reads and parses a file.
   *
   * @throws IOException when the file cannot be read
   * @throws DockerfileParseException when Docker would refuse the file
   */
  public static Dockerfile parse(Path file) throws IOException, DockerfileParseException {
    return parse(Files.readAllBytes(file));
  }

  /**
   * Parses without the builder's checks: a file without FROM is accepted (its instructions land
   * in {@link Dockerfile#globalArgs()}), as BuildKit's parser accepts it.
   *
   * @throws DockerfileParseException for what BuildKit's parser itself rejects, and unknown
   *     instructions
   */
  public static Dockerfile parseSyntax(String source) throws DockerfileParseException {
    try {
      return new Scan(source).run();
    } catch (DockerfileParseException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // A bug here must not crash a caller that only expects parse errors; report it as one.
      throw new DockerfileParseException(1, 1, "internal parser error: " + e);
    }
  }

  /** Decodes UTF-8 leniently. */
  public static String decode(byte[] source) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(source))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }

  /** One pass over one source text. */
  private static final class Scan {
    private final List<String> lines;
    private final DirectiveScanner directives = new DirectiveScanner();
    private final List<Instruction> instructions = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private final List<Integer> emptyContinuations = new ArrayList<>();
    private int idx = -1;
    private int lineNo;

    Scan(String source) {
      this.lines = splitKeepingNewlines(source);
    }

    Dockerfile run() throws DockerfileParseException {
      while (idx + 1 < lines.size()) {
        idx++;
        String raw = lines.get(idx);
        if (idx == 0 && raw.startsWith("\uFEFF")) {
          raw = raw.substring(1);
        }
        boolean comment = isComment(raw);
        String token = GoText.trimLeftSpace(trimNewline(raw));
        boolean directive;
        try {
          directive = directives.offer(token, lineNo + 1);
        } catch (LineParsers.LineError e) {
          throw new DockerfileParseException(lineNo + 1, 1, e.getMessage());
        }
        lineNo++;
        if (comment && !directive) {
          comments.add(commentOf(raw, lineNo));
        }
        int startLine = lineNo;
        String content = comment ? "" : token;
        String joined = Continuation.strip(content, directives.escape());
        boolean endOfLine = joined == null;
        if (endOfLine && content.isEmpty()) {
          continue;
        }
        StringBuilder buf = new StringBuilder(endOfLine ? content : joined);
        while (!endOfLine && idx + 1 < lines.size()) {
          idx++;
          String next = lines.get(idx);
          lineNo++;
          if (isComment(next)) {
            comments.add(commentOf(next, lineNo));
            continue;
          }
          String t = trimNewline(next);
          if (GoText.trimLeftSpace(t).isEmpty()) {
            emptyContinuations.add(lineNo);
            continue;
          }
          String stripped = Continuation.strip(t, directives.escape());
          endOfLine = stripped == null;
          buf.append(endOfLine ? t : stripped);
        }
        int indent = trimNewline(raw).length() - token.length();
        instructions.add(instruction(buf.toString(), startLine, indent));
      }
      if (instructions.isEmpty()) {
        throw new DockerfileParseException(lineNo, 1, "file with no instructions");
      }
      return StageValidator.assemble(
          directives.found(),
          directives.escape(),
          instructions,
          comments,
          emptyContinuations);
    }

    private Instruction instruction(String line, int startLine, int indent)
        throws DockerfileParseException {
      LineParsers.Node node;
      try {
        node = LineParsers.parse(line, directives.escape());
      } catch (LineParsers.LineError e) {
        throw new DockerfileParseException(startLine, e.column + indent, e.getMessage());
      }
      List<Heredoc> heredocs = new ArrayList<>();
      if (Heredocs.allowed(node) && line.contains("<<")) {
        List<Heredocs.Spec> specs;
        try {
          specs = Heredocs.specs(line);
        } catch (ShellSyntaxException e) {
          throw new DockerfileParseException(startLine, 1, e.getMessage());
        }
        for (Heredocs.Spec spec : specs) {
          heredocs.add(body(spec, startLine));
        }
      }
      return build(node, startLine, lineNo, heredocs);
    }

    private Heredoc body(Heredocs.Spec spec, int startLine) throws DockerfileParseException {
      StringBuilder content = new StringBuilder();
      int first = lineNo + 1;
      while (idx + 1 < lines.size()) {
        idx++;
        lineNo++;
        String raw = lines.get(idx);
        String candidate = trimNewline(raw);
        if (spec.chomp()) {
          candidate = stripLeadingTabs(candidate);
        }
        if (candidate.equals(spec.name())) {
          return new Heredoc(
              spec.name(),
              spec.fileDescriptor(),
              spec.expand(),
              spec.chomp(),
              content.toString(),
              first,
              lineNo);
        }
        content.append(raw);
      }
      throw new DockerfileParseException(
          startLine, 1, "unterminated heredoc: no line " + GoText.quote(spec.name()) + " ends it");
    }

    private static Instruction build(
        LineParsers.Node node, int start, int end, List<Heredoc> heredocs) {
      Optional<Instruction> child =
          node.child() == null
              ? Optional.empty()
              : Optional.of(build(node.child(), start, end, heredocs));
      return new Instruction(
          node.keyword().toUpperCase(Locale.ROOT),
          node.flags().stream().map(Flag::fromRaw).toList(),
          node.args(),
          node.arguments(),
          node.json(),
          heredocs,
          node.keyValues(),
          start,
          end,
          child,
          GoText.trimSpace(node.original()));
    }
  }

  static List<String> splitKeepingNewlines(String source) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < source.length()) {
      int nl = source.indexOf('\n', start);
      int end = nl < 0 ? source.length() : nl + 1;
      out.add(source.substring(start, end));
      start = end;
    }
    return out;
  }

  /** Go's {@code bytes.TrimRight(s, "\r\n")}. */
  static String trimNewline(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String stripLeadingTabs(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\t') {
      i++;
    }
    return s.substring(i);
  }

  static boolean isComment(String line) {
    String t = GoText.trimLeftSpace(line);
    return !t.isEmpty() && t.charAt(0) == '#';
  }

  private static Comment commentOf(String raw, int line) {
    String t = GoText.trimLeftSpace(trimNewline(raw));
    if (t.startsWith("\uFEFF")) {
      t = t.substring(1);
    }
    return new Comment(line, GoText.trimSpace(t.substring(1)));
  }
}
