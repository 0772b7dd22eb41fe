package io.stagebench.dockerfile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shell patterns of {@code ${v#p}}, {@code ${v%p}} and {@code ${v/p/r}}. */
final class ShellPatterns {
  private ShellPatterns() {}

  /** {@code ${v#p}}, {@code ${v##p}}, {@code ${v%p}}, {@code ${v%%p}} with shell glob patterns. */
  static String trim(String value, String glob, boolean prefix, boolean longest)
      throws ShellSyntaxException {
    Pattern p = Pattern.compile(toRegex(glob, longest), Pattern.DOTALL);
    if (prefix) {
      Matcher m = Pattern.compile("^(?:" + p.pattern() + ")", Pattern.DOTALL).matcher(value);
      return m.find() ? value.substring(m.end()) : value;
    }
    // The shortest suffix is found from the right end, the longest from the left.
    if (longest) {
      for (int i = 0; i <= value.length(); i++) {
        if (p.matcher(value.substring(i)).matches()) {
          return value.substring(0, i);
        }
      }
    } else {
      for (int i = value.length(); i >= 0; i--) {
        if (p.matcher(value.substring(i)).matches()) {
          return value.substring(0, i);
        }
      }
    }
    return value;
  }

  /**
   * A shell pattern ({@code *}, {@code ?}, backslash escapes; no brackets) as a regex. An escaped
   * {@code \}} or {@code \/} is part of the substitution's syntax, not of the pattern.
   */
  static String toRegex(String glob, boolean greedy) throws ShellSyntaxException {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        re.append(greedy ? ".*" : ".*?");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '\\') {
        char n = i + 1 < glob.length() ? glob.charAt(i + 1) : 0;
        if (n == '}' || n == '/') {
          continue;
        }
        if (n != '*' && n != '?' && n != '\\') {
          throw new ShellSyntaxException("invalid escape '\\" + (n == 0 ? "" : String.valueOf(n)) + "'");
        }
        re.append(Pattern.quote(String.valueOf(n)));
        i++;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
