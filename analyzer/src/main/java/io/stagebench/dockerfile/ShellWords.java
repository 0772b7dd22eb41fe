package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Docker's shell-word lexer: quotes, the escape character and {@code $VAR}/{@code ${VAR...}}
 * substitution, as the builder applies them to the instructions it expands (FROM, COPY, ENV,
 * ...). It is not a shell: no globbing, no command substitution, no arithmetic.
 *
 * <p>One instance lexes one input; build it with the options, then call {@link #word} or {@link
 * #words}. This class reads the syntax; {@link ParameterExpansion} gives a variable reference its
 * value once its parts are read.
 */
public final class ShellWords {
  private static final int EOF = -1;

  private final char escape;
  private final Function<String, String> env;
  private boolean rawQuotes;
  private boolean rawEscapes;
  private boolean skipUnset;
  private String src = "";
  private int pos;
  private int depth;

  /**
   * @param escape the escape character ({@code \} or a backtick)
   * @param env looks a variable up; returns null when it is unset
   */
  public ShellWords(char escape, Function<String, String> env) {
    this.escape = escape;
    this.env = env;
  }

  /** Keeps quote characters in the output (they still group words). */
  ShellWords rawQuotes(boolean on) {
    this.rawQuotes = on;
    return this;
  }

  /** Keeps escape characters in the output (they still escape). */
  ShellWords rawEscapes(boolean on) {
    this.rawEscapes = on;
    return this;
  }

  /** Leaves references to unset variables as written instead of expanding them to nothing. */
  public ShellWords skipUnset(boolean on) {
    this.skipUnset = on;
    return this;
  }

  /** Processes the input as one word: quotes removed, variables expanded, spaces kept. */
  public String word(String input) throws ShellSyntaxException {
    return run(input).text;
  }

  /** Splits the input into words on unquoted whitespace, after expansion, as Docker does. */
  public List<String> words(String input) throws ShellSyntaxException {
    return run(input).words.result();
  }

  /** Removes quotes and escapes, leaving {@code $VAR} as written; on a lexing error, the input. */
  public static String unquote(String raw) {
    try {
      return new ShellWords('\\', name -> null).skipUnset(true).word(raw);
    } catch (ShellSyntaxException e) {
      return raw;
    }
  }

  private record Result(String text, Words words) {}

  private Result run(String input) throws ShellSyntaxException {
    this.src = input;
    this.pos = 0;
    Words words = new Words();
    String text = until(EOF, words);
    return new Result(text, words);
  }

  private int peek() {
    return pos < src.length() ? src.codePointAt(pos) : EOF;
  }

  private int next() {
    if (pos >= src.length()) {
      return EOF;
    }
    int cp = src.codePointAt(pos);
    pos += Character.charCount(cp);
    return cp;
  }

  private String until(int stop, Words words) throws ShellSyntaxException {
    return until(stop, words, rawEscapes);
  }

  private String until(int stop, Words words, boolean keepEscapes) throws ShellSyntaxException {
    boolean saved = rawEscapes;
    rawEscapes = keepEscapes;
    try {
      return untilBody(stop, words);
    } finally {
      rawEscapes = saved;
    }
  }

  private String untilBody(int stop, Words words) throws ShellSyntaxException {
    StringBuilder out = new StringBuilder();
    while (peek() != EOF) {
      int ch = peek();
      if (stop != EOF && ch == stop) {
        next();
        return out.toString();
      }
      if (ch == '\'' || ch == '"' || ch == '$') {
        String part = ch == '\'' ? singleQuoted() : ch == '"' ? doubleQuoted() : dollar();
        out.append(part);
        if (ch == '$') {
          words.addSplitting(part);
        } else {
          words.addRaw(part);
        }
        continue;
      }
      ch = next();
      if (ch == escape) {
        if (rawEscapes) {
          words.addRaw(ch);
          out.appendCodePoint(ch);
        }
        ch = next();
        if (ch == EOF) {
          break;
        }
        words.addRaw(ch);
      } else {
        words.add(ch);
      }
      out.appendCodePoint(ch);
    }
    if (stop != EOF) {
      throw new ShellSyntaxException(
          "unexpected end of statement while looking for matching " + Character.toString(stop));
    }
    return out.toString();
  }

  private String singleQuoted() throws ShellSyntaxException {
    StringBuilder out = new StringBuilder();
    int ch = next();
    if (rawQuotes) {
      out.appendCodePoint(ch);
    }
    while (true) {
      ch = next();
      if (ch == EOF) {
        throw new ShellSyntaxException(
            "unexpected end of statement while looking for matching single-quote");
      }
      if (ch == '\'') {
        if (rawQuotes) {
          out.appendCodePoint(ch);
        }
        return out.toString();
      }
      out.appendCodePoint(ch);
    }
  }

  private String doubleQuoted() throws ShellSyntaxException {
    StringBuilder out = new StringBuilder();
    int ch = next();
    if (rawQuotes) {
      out.appendCodePoint(ch);
    }
    while (true) {
      ch = peek();
      if (ch == EOF) {
        throw new ShellSyntaxException(
            "unexpected end of statement while looking for matching double-quote");
      }
      if (ch == '"') {
        next();
        if (rawQuotes) {
          out.appendCodePoint(ch);
        }
        return out.toString();
      }
      if (ch == '$') {
        out.append(dollar());
        continue;
      }
      ch = next();
      if (ch == escape) {
        int after = peek();
        if (after == EOF) {
          continue;
        }
        // Inside double quotes only ", $ and the escape itself can be escaped.
        if (after == '"' || after == '$' || after == escape) {
          if (rawEscapes) {
            out.appendCodePoint(ch);
          }
          ch = next();
        }
      }
      out.appendCodePoint(ch);
    }
  }

  private String dollar() throws ShellSyntaxException {
    // ${A:-${B:-...}} recurses; bound it so a hostile word cannot exhaust the stack.
    if (++depth > 200) {
      throw new ShellSyntaxException("substitution nested too deeply");
    }
    try {
      return dollarBody();
    } finally {
      depth--;
    }
  }

  private String dollarBody() throws ShellSyntaxException {
    next();
    if (peek() != '{') {
      String name = name();
      if (name.isEmpty()) {
        return "$";
      }
      return new ParameterExpansion(name, env.apply(name), skipUnset).bare();
    }
    next();
    int first = peek();
    if (first == EOF) {
      throw new ShellSyntaxException("syntax error: missing '}'");
    }
    if (first == '{' || first == '}' || first == ':') {
      throw new ShellSyntaxException("syntax error: bad substitution");
    }
    String name = name();
    int op = next();
    ParameterExpansion expansion = new ParameterExpansion(name, env.apply(name), skipUnset);
    switch (op) {
      case '}':
        return expansion.inBraces();
      case ':':
        {
          int modifier = next();
          if (modifier == '#' || modifier == '%') {
            throw new ShellSyntaxException(
                "unsupported modifier (:" + Character.toString(modifier) + ") in substitution");
          }
          return expansion.withWord(true, modifier, braced());
        }
      case '-':
      case '+':
      case '?':
        return expansion.withWord(false, op, braced());
      case '#':
      case '%':
        // Patterns keep their escapes: \* is a literal star, not a wildcard.
        return expansion.trim(op, braced(true));
      case '/':
        {
          boolean all = peek() == '/';
          if (all) {
            next();
          }
          String pattern;
          try {
            pattern = until('/', new Words(), true);
          } catch (ShellSyntaxException e) {
            throw peek() == EOF ? new ShellSyntaxException("syntax error: missing '/' in ${}") : e;
          }
          return expansion.replace(all, pattern, braced(true));
        }
      default:
        if (op == EOF) {
          throw new ShellSyntaxException("syntax error: missing '}'");
        }
        throw new ShellSyntaxException(
            "unsupported modifier (" + Character.toString(op) + ") in substitution");
    }
  }

  /** The word after a modifier, up to the closing brace; it may itself contain substitutions. */
  private String braced() throws ShellSyntaxException {
    return braced(false);
  }

  private String braced(boolean keepEscapes) throws ShellSyntaxException {
    try {
      return until('}', new Words(), keepEscapes);
    } catch (ShellSyntaxException e) {
      if (peek() == EOF) {
        throw new ShellSyntaxException("syntax error: missing '}'");
      }
      throw e;
    }
  }

  private String name() {
    StringBuilder name = new StringBuilder();
    while (peek() != EOF) {
      int ch = peek();
      if (name.length() == 0 && Character.isDigit(ch)) {
        while (peek() != EOF && Character.isDigit(peek())) {
          name.appendCodePoint(next());
        }
        return name.toString();
      }
      if (name.length() == 0 && "$?#*@!-".indexOf(ch) >= 0 && ch < 128) {
        return Character.toString(next());
      }
      if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
        break;
      }
      name.appendCodePoint(next());
    }
    return name.toString();
  }

  /** Collects words: unquoted whitespace separates them, quoted text never does. */
  private static final class Words {
    private final List<String> done = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;

    void add(int ch) {
      if (GoText.isSpace(ch)) {
        if (inWord && word.length() > 0) {
          done.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        addRaw(ch);
      }
    }

    void addRaw(int ch) {
      word.appendCodePoint(ch);
      inWord = true;
    }

    void addRaw(String s) {
      word.append(s);
      inWord = true;
    }

    void addSplitting(String s) {
      s.codePoints().forEach(this::add);
    }

    List<String> result() {
      if (word.length() > 0) {
        done.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
      return List.copyOf(done);
    }
  }
}
