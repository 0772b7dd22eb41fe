package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the exec form ({@code ["a", "b"]}) exactly as Go's {@code json.Unmarshal} would: anything
 * that is not valid JSON makes the instruction shell form, but valid JSON with a non-string
 * element is an error, because that is how Docker treats it.
 */
final class JsonArray {
  /** Marks a valid JSON value that is not a string. */
  private static final Object NOT_A_STRING = new Object();

  /** Go's decoder gives up beyond this nesting; so do we, before the stack does. */
  private static final int MAX_DEPTH = 10_000;

  private final String s;
  private int i;
  private int depth;

  private JsonArray(String s) {
    this.s = s;
  }

  /** Signals valid JSON holding something other than strings. */
  static final class NotStringArray extends Exception {
    private static final long serialVersionUID = 1L;

    NotStringArray() {
      super("when using JSON array syntax, arrays must be comprised of strings only");
    }
  }

  /**
   * The elements, or null when the text is not a JSON array (the caller falls back to shell form).
   */
  static List<String> parse(String text) throws NotStringArray {
    String t = GoText.trimLeftSpace(text);
    if (!t.startsWith("[")) {
      return null;
    }
    JsonArray p = new JsonArray(t);
    List<Object> values;
    try {
      values = p.array();
      p.ws();
      if (p.i != t.length()) {
        return null;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    List<String> out = new ArrayList<>(values.size());
    for (Object v : values) {
      if (!(v instanceof String str)) {
        throw new NotStringArray();
      }
      out.add(str);
    }
    return out;
  }

  private static IllegalArgumentException bad() {
    return new IllegalArgumentException("invalid JSON");
  }

  private void ws() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }

  private char peek() {
    if (i >= s.length()) {
      throw bad();
    }
    return s.charAt(i);
  }

  private List<Object> array() {
    if (++depth > MAX_DEPTH) {
      throw bad();
    }
    List<Object> values = new ArrayList<>();
    i++; // [
    ws();
    if (peek() == ']') {
      i++;
      depth--;
      return values;
    }
    while (true) {
      ws();
      values.add(value());
      ws();
      char c = peek();
      i++;
      if (c == ']') {
        depth--;
        return values;
      }
      if (c != ',') {
        throw bad();
      }
    }
  }

  private Object value() {
    char c = peek();
    switch (c) {
      case '"':
        return string();
      case '[':
        array();
        return NOT_A_STRING;
      case '{':
        object();
        return NOT_A_STRING;
      case 't':
        literal("true");
        return NOT_A_STRING;
      case 'f':
        literal("false");
        return NOT_A_STRING;
      case 'n':
        literal("null");
        return NOT_A_STRING;
      default:
        number();
        return NOT_A_STRING;
    }
  }

  private void object() {
    if (++depth > MAX_DEPTH) {
      throw bad();
    }
    i++; // {
    ws();
    if (peek() == '}') {
      i++;
      depth--;
      return;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw bad();
      }
      string();
      ws();
      if (peek() != ':') {
        throw bad();
      }
      i++;
      ws();
      value();
      ws();
      char c = peek();
      i++;
      if (c == '}') {
        depth--;
        return;
      }
      if (c != ',') {
        throw bad();
      }
    }
  }

  private void literal(String word) {
    if (!s.startsWith(word, i)) {
      throw bad();
    }
    i += word.length();
  }

  private void number() {
    int start = i;
    if (i < s.length() && s.charAt(i) == '-') {
      i++;
    }
    if (i < s.length() && s.charAt(i) == '0') {
      i++;
    } else {
      int d = digits();
      if (d == 0) {
        throw bad();
      }
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      if (digits() == 0) {
        throw bad();
      }
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (digits() == 0) {
        throw bad();
      }
    }
    if (i == start) {
      throw bad();
    }
  }

  private int digits() {
    int n = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
      n++;
    }
    return n;
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    i++; // opening quote
    while (true) {
      char c = peek();
      i++;
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw bad();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = peek();
      i++;
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> unicodeEscape(out);
        default -> throw bad();
      }
    }
  }

  private void unicodeEscape(StringBuilder out) {
    char hi = hex4();
    if (Character.isHighSurrogate(hi)
        && i + 6 <= s.length()
        && s.charAt(i) == '\\'
        && s.charAt(i + 1) == 'u') {
      int save = i;
      i += 2;
      char lo = hex4();
      if (Character.isLowSurrogate(lo)) {
        out.append(hi).append(lo);
        return;
      }
      i = save;
    }
    // Go replaces a lone surrogate with U+FFFD.
    out.append(Character.isSurrogate(hi) ? '\uFFFD' : hi);
  }

  private char hex4() {
    if (i + 4 > s.length()) {
      throw bad();
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = Character.digit(s.charAt(i + k), 16);
      if (d < 0) {
        throw bad();
      }
      v = v * 16 + d;
    }
    i += 4;
    return (char) v;
  }
}
