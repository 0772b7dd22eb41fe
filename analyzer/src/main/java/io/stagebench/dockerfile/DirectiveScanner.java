package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises parser directives. They count only in the comment lines at the very top: the first
 * line that is not a known directive (a blank line, an instruction, another comment) ends them.
 */
final class DirectiveScanner {
  // Go's RE2 \s is [\t\n\f\r ]; Java's would also take \v, so spell it out.
  private static final Pattern DIRECTIVE =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$");
  private static final Set<String> KNOWN = Set.of("syntax", "escape", "check");

  private final List<Directive> found = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private boolean done;
  private char escape = '\\';

  /**
   * Looks at one line (newline and leading blanks removed).
   *
   * @return whether the line was a directive
   */
  boolean offer(String line, int lineNo) throws LineParsers.LineError {
    if (done) {
      return false;
    }
    if (!line.startsWith("#")) {
      done = true;
      return false;
    }
    Matcher m = DIRECTIVE.matcher(GoText.trimLeftSpace(line.substring(1)));
    if (!m.matches()) {
      done = true;
      return false;
    }
    String key = m.group(1).toLowerCase(Locale.ROOT);
    if (!KNOWN.contains(key)) {
      done = true;
      return false;
    }
    if (!seen.add(key)) {
      throw new LineParsers.LineError("only one " + key + " parser directive can be used", 1);
    }
    String value = m.group(2);
    if (key.equals("escape")) {
      if (!value.equals("`") && !value.equals("\\")) {
        throw new LineParsers.LineError(
            "invalid escape token '" + value + "' does not match ` or \\", 1);
      }
      escape = value.charAt(0);
    }
    found.add(new Directive(key, value, lineNo));
    return true;
  }

  char escape() {
    return escape;
  }

  List<Directive> found() {
    return List.copyOf(found);
  }
}
