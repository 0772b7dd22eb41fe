package io.stagebench.dockerfile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one variable reference expands to once {@link ShellWords} has read its parts: {@code $NAME},
 * {@code ${NAME}} and the operators Docker's builder supports ({@code :- :+ :? - + ? # ## % %% /
 * //}). The words after an operator arrive already expanded; this class only applies the operator
 * to the variable's value. With skip-unset on, a reference to an unset variable is given back as
 * written.
 */
final class ParameterExpansion {
  private final String name;
  private final String value;
  private final boolean skipUnset;

  /**
   * @param name the variable's name
   * @param value its value; null when it is unset
   * @param skipUnset whether a reference to an unset variable stays as written
   */
  ParameterExpansion(String name, String value, boolean skipUnset) {
    this.name = name;
    this.value = value;
    this.skipUnset = skipUnset;
  }

  private boolean keptAsWritten() {
    return value == null && skipUnset;
  }

  private String current() {
    return value == null ? "" : value;
  }

  /** {@code $NAME}. */
  String bare() {
    return keptAsWritten() ? "$" + name : current();
  }

  /** {@code ${NAME}}. */
  String inBraces() {
    return keptAsWritten() ? "${" + name + "}" : current();
  }

  /**
   * {@code ${NAME-word}} (the word if unset), {@code ${NAME+word}} (the word if set), {@code
   * ${NAME?word}} (an error if unset); with the colon ({@code :-}, {@code :+}, {@code :?}) an empty
   * value counts as unset.
   */
  String withWord(boolean colon, int op, String word) throws ShellSyntaxException {
    if (op != '-' && op != '+' && op != '?') {
      throw new ShellSyntaxException(
          "unsupported modifier (" + Character.toString(op) + ") in substitution");
    }
    if (keptAsWritten()) {
      return "${" + name + (colon ? ":" : "") + Character.toString(op) + word + "}";
    }
    boolean missing = colon ? current().isEmpty() : value == null;
    if (op == '-') {
      return missing ? word : current();
    }
    if (op == '+') {
      return missing ? "" : word;
    }
    if (missing) {
      throw new ShellSyntaxException(name + ": "
          + (!word.isEmpty() ? word : colon ? "is not allowed to be empty" : "is not allowed to be unset"));
    }
    return current();
  }

  /**
   * {@code ${NAME#pattern}}, {@code ${NAME##pattern}} (prefix), {@code ${NAME%pattern}}, {@code
   * ${NAME%%pattern}} (suffix); the doubled operator arrives as the pattern's first character.
   */
  String trim(int op, String pattern) throws ShellSyntaxException {
    if (keptAsWritten()) {
      return "${" + name + Character.toString(op) + pattern + "}";
    }
    boolean longest = !pattern.isEmpty() && pattern.charAt(0) == op;
    if (longest) {
      pattern = pattern.substring(1);
    }
    return ShellPatterns.trim(current(), pattern, op == '#', longest);
  }

  /** {@code ${NAME/pattern/replacement}} (the first match), {@code ${NAME//pattern/replacement}} (all). */
  String replace(boolean all, String pattern, String replacement) throws ShellSyntaxException {
    if (keptAsWritten()) {
      return "${" + name + "/" + pattern + "/" + replacement + "}";
    }
    Matcher m = Pattern.compile(ShellPatterns.toRegex(pattern, true), Pattern.DOTALL).matcher(current());
    return all
        ? m.replaceAll(Matcher.quoteReplacement(replacement))
        : m.replaceFirst(Matcher.quoteReplacement(replacement));
  }
}
