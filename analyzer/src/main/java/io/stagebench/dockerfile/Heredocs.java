package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the heredoc markers ({@code <<EOF}, {@code <<-"EOF"}, {@code 3<<EOF}) on a line. */
final class Heredocs {
  private static final Pattern MARKER = Pattern.compile("^(\\d*)<<(-?)([^<]*)$", Pattern.DOTALL);

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
    for (String word : words) {
      Spec spec = parse(word);
      if (spec != null) {
        specs.add(spec);
      }
    }
    return specs;
  }

  /** One marker word, or null when the word is not a marker. */
  static Spec parse(String word) throws ShellSyntaxException {
    Matcher m = MARKER.matcher(word);
    if (!m.matches() || m.group(3).isEmpty()) {
      return null;
    }
    String rest = m.group(3);
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
    if (!m.group(1).isEmpty()) {
      try {
        fd = Integer.parseInt(m.group(1));
      } catch (NumberFormatException e) {
        fd = 0; // Go ignores an out-of-range descriptor the same way
      }
    }
    return new Spec(plain.get(0), fd, expand, m.group(2).equals("-"));
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
