package io.stagebench.dockerfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Takes the builder flags ({@code --from=x --link}) off the front of an instruction's arguments. */
final class BuilderFlags {
  private BuilderFlags() {}

  record Split(String rest, List<String> flags) {}

  /**
   * Takes the leading {@code --flag[=value]} words off the arguments. BuildKit scans bytes, not
   * characters, so non-ASCII text in a flag comes out as its UTF-8 bytes read as Latin-1; this
   * keeps that behaviour so dumps match.
   */
  static Split extract(String text) {
    boolean ascii = isAscii(text);
    String line = ascii ? text : latin1View(text);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean inQuote = false;
    boolean blankOk = false;
    char quote = 0;
    int n = line.length();
    for (int pos = 0; pos <= n; pos++) {
      char ch = pos < n ? line.charAt(pos) : 0;
      if (!inWord && !inQuote) {
        if (pos == n) {
          break;
        }
        if (GoText.isSpace(ch)) {
          continue;
        }
        if (ch != '-' || pos + 1 == n || line.charAt(pos + 1) != '-') {
          return new Split(ascii ? line.substring(pos) : fromBytes(line.substring(pos)), words);
        }
        inWord = true;
      }
      if (pos == n) {
        String w = word.toString();
        if (!w.equals("--") && (blankOk || !w.isEmpty())) {
          words.add(w);
        }
        break;
      }
      if (!inQuote) {
        if (GoText.isSpace(ch)) {
          inWord = false;
          String w = word.toString();
          if (w.equals("--")) {
            return new Split(ascii ? line.substring(pos) : fromBytes(line.substring(pos)), words);
          }
          if (blankOk || !w.isEmpty()) {
            words.add(w);
          }
          word.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          inQuote = true;
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == n) {
            continue;
          }
          ch = line.charAt(++pos);
        }
        word.append(ch);
        continue;
      }
      if (ch == quote) {
        inQuote = false;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == n) {
          inQuote = false;
          continue;
        }
        ch = line.charAt(++pos);
      }
      word.append(ch);
    }
    return new Split("", words);
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  static String latin1View(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  static String fromBytes(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
