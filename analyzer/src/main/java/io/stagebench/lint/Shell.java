package io.stagebench.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rough reading of a RUN script for linting: simple commands split at unquoted {@code &&},
 * {@code ||}, {@code ;}, {@code |}, {@code &} and newlines, words split at unquoted blanks with
 * quotes removed. Not a shell: enough to see which programs run with which flags.
 */
public final class Shell {
  private Shell() {}

  /**
   * One simple command.
   *
   * @param assignments the leading {@code NAME=value} words
   * @param words the program and its arguments ({@code sudo}/{@code env} prefixes kept)
   * @param pipedInto whether this command's output is piped into the next one
   */
  public record Cmd(List<String> assignments, List<String> words, boolean pipedInto) {
    public Cmd {
      assignments = List.copyOf(assignments);
      words = List.copyOf(words);
    }

    /** The program's base name ({@code /usr/bin/apt-get} reads as {@code apt-get}), "" if none. */
    public String program() {
      if (words.isEmpty()) {
        return "";
      }
      String p = words.get(0);
      int slash = p.lastIndexOf('/');
      return slash >= 0 ? p.substring(slash + 1) : p;
    }

    /** Whether the program is one of these names. */
    public boolean is(String... programs) {
      String p = program();
      for (String name : programs) {
        if (p.equals(name)) {
          return true;
        }
      }
      return false;
    }

    /** The arguments that are not options (do not start with {@code -}). */
    public List<String> operands() {
      List<String> out = new ArrayList<>();
      for (int i = 1; i < words.size(); i++) {
        if (!words.get(i).startsWith("-")) {
          out.add(words.get(i));
        }
      }
      return out;
    }

    /** The first operand (a subcommand such as {@code install}), "" if none. */
    public String subcommand() {
      List<String> ops = operands();
      return ops.isEmpty() ? "" : ops.get(0);
    }

    /** Whether any word equals one of these, or starts with it followed by {@code =}. */
    public boolean hasOption(String... options) {
      for (int i = 1; i < words.size(); i++) {
        String w = words.get(i);
        for (String o : options) {
          if (w.equals(o) || w.startsWith(o + "=")) {
            return true;
          }
        }
      }
      return false;
    }

    /** Whether a short option letter appears in a bundle ({@code -qy} has {@code y}). */
    public boolean hasShortFlag(char letter) {
      for (int i = 1; i < words.size(); i++) {
        String w = words.get(i);
        if (w.length() > 1 && w.charAt(0) == '-' && w.charAt(1) != '-' && w.indexOf(letter) > 0) {
          return true;
        }
      }
      return false;
    }

    /** Whether an assignment before the command sets this variable to this value. */
    public boolean assigns(String name, String value) {
      return assignments.contains(name + "=" + value);
    }

    @Override
    public String toString() {
      return String.join(" ", words);
    }
  }

  /** The simple commands of a script, in order. */
  public static List<Cmd> commands(String script) {
    List<Cmd> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int n = script.length();
    for (int i = 0; i < n; i++) {
      char c = script.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char next = script.charAt(i + 1);
        i++;
        if (next == '\n') {
          continue;
        }
        word.append(next);
        inWord = true;
      } else if (c == '\'' || c == '"') {
        int end = script.indexOf(c, i + 1);
        if (end < 0) {
          end = n;
        }
        word.append(script, i + 1, end);
        inWord = true;
        i = end;
      } else if (c == '#' && !inWord) {
        int end = script.indexOf('\n', i);
        i = (end < 0 ? n : end) - 1;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '&' || c == '|' || c == ';' || c == '\n' || c == '(' || c == ')'
          || c == '{' && !inWord && (i + 1 < n && Character.isWhitespace(script.charAt(i + 1)))
          || c == '}' && !inWord) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        boolean pipe = c == '|' && !(i + 1 < n && script.charAt(i + 1) == '|')
            && !(i > 0 && script.charAt(i - 1) == '|');
        if ((c == '&' || c == '|') && i + 1 < n && script.charAt(i + 1) == c) {
          i++;
        }
        flush(out, words, pipe);
        words = new ArrayList<>();
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    flush(out, words, false);
    return out;
  }

  private static final Set<String> KEYWORDS =
      Set.of("then", "do", "else", "if", "while", "until", "!", "exec", "time");

  private static final Pattern ASSIGNMENT =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

  private static void flush(List<Cmd> out, List<String> words, boolean pipe) {
    int i = 0;
    List<String> assignments = new ArrayList<>();
    while (i < words.size()) {
      String w = words.get(i);
      if (KEYWORDS.contains(w)) {
        i++;
      } else if (ASSIGNMENT.matcher(w).matches()) {
        assignments.add(w);
        i++;
      } else if ((w.equals("sudo") || w.equals("env")) && i + 1 < words.size()) {
        i++;
      } else {
        break;
      }
    }
    List<String> rest = words.subList(i, words.size());
    if (!rest.isEmpty() || !assignments.isEmpty()) {
      out.add(new Cmd(assignments, rest, pipe));
    }
  }

  /** Lower-case helper for image names. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
