package io.stagebench.lint;

import java.util.Objects;

/**
 * One thing a rule found.
 *
 * @param ruleId the rule's stable ID ({@code DL3009}, {@code SB001})
 * @param severity the rule's severity
 * @param file the file as the user named it ({@code -} for stdin)
 * @param line the 1-based line (the instruction's first line; 1 for a whole-file finding)
 * @param column the 1-based column when known, else null
 * @param message one line saying what is wrong here
 * @param fix one line saying what to do
 * @param savingsBytes the bytes the fix would save when a rule can know it, else null
 */
public record Finding(
    String ruleId,
    Severity severity,
    String file,
    int line,
    Integer column,
    String message,
    String fix,
    Long savingsBytes) {
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
  }
}
