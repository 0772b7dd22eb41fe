package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the heredoc markers ({@code <<EOF}, {@code <<-"EOF"}, {@code 3<<EOF}) on a line. */
final class Heredocs {
  // Go's RE2 \s is [\t\n\f\r ]; blanks may sit between << and the delimiter, as in a shell.
  private static final Pattern MARKER =
      Pattern.compile("^(\\d*)<<(-?)[\t\n\f\r ]*([^<]*)$", Pattern.DOTALL);
  private static final Pattern BARE_MARKER = Pattern.compile("^(\\d*)<<(-?)$");

  private Heredocs() {}

  /** What a marker says; the body comes from the following lines. */
  record Spec(String name, int fileDescriptor, boolean expand, boolean chomp) {}

  /** RUN, COPY and ADD in shell form, also as an ONBUILD trigger, can have heredocs. */
  static boolean allowed(LineParsers.Node node) {
    LineParsers.Node n = node;
    if (n.keyword().equals("onbuild") && n.child() != null) {
      n = n.child();
    }
    return Keywords.HEREDOC.contains(n.keyword()) && !n.json();
  }

  /** The markers of a line in order. The line is lexed with backslash escapes, as BuildKit does. */
  static List<Spec> specs(String line) throws ShellSyntaxException {
    List<String> words;
    try {
      words =
          new ShellWords('\\', name -> null)
              .rawQuotes(true)
              .rawEscapes(true)
              .skipUnset(true)
              .words(line);
    } catch (ShellSyntaxException e) {
      // BuildKit ignores a line it cannot split here: it simply has no heredocs.
      return List.of();
    }
    List<Spec> specs = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      // "<< EOF" lexes as two words; BuildKit reads it as one marker, like a shell does
      // ("<< -EOF" names "-EOF": the dash belongs to the marker only when attached).
      Matcher bare = BARE_MARKER.matcher(word);
      Spec spec;
      if (bare.matches() && i + 1 < words.size()) {
        String rest = words.get(++i);
        spec = rest.contains("<") ? null : parse(bare.group(1), bare.group(2), rest);
      } else {
        spec = parse(word);
      }
      if (spec != null) {
        specs.add(spec);
      }
    }
    return specs;
  }

  /** One marker word, or null when the word is not a marker. */
  static Spec parse(String word) throws ShellSyntaxException {
    Matcher m = MARKER.matcher(word);
    if (!m.matches()) {
      return null;
    }
    return parse(m.group(1), m.group(2), m.group(3));
  }

  private static Spec parse(String digits, String dash, String rest) throws ShellSyntaxException {
    if (rest.isEmpty()) {
      return null;
    }
    List<String> plain = new ShellWords('\\', name -> null).skipUnset(true).words(rest);
    if (plain.size() != 1) {
      return null;
    }
    List<String> raw =
        new ShellWords('\\', name -> null).skipUnset(true).rawQuotes(true).words(rest);
    if (raw.size() != 1) {
      throw new ShellSyntaxException("internal lexing of heredoc produced inconsistent results");
    }
    // Any quoted part of the delimiter turns expansion off, as in a shell.
    boolean expand = quotes(plain.get(0)) == quotes(raw.get(0));
    int fd = 0;
    if (!digits.isEmpty()) {
      try {
        fd = Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        fd = 0; // Go ignores an out-of-range descriptor the same way
      }
    }
    return new Spec(plain.get(0), fd, expand, dash.equals("-"));
  }

  private static int quotes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        n++;
      }
    }
    return n;
  }
}
