package io.stagebench.lint;

import io.stagebench.dockerfile.Instruction;
import java.util.Objects;

/**
 * One lint rule: a stable ID, a severity, a title, a one-line rationale and a fix. Subclasses
 * look at a {@link LintContext} and report through {@link Sink}.
 */
public abstract class Rule {
  private final String id;
  private final Severity severity;
  private final String title;
  private final String rationale;
  private final String fix;

  protected Rule(String id, Severity severity, String title, String rationale, String fix) {
    this.id = Objects.requireNonNull(id);
    this.severity = Objects.requireNonNull(severity);
    this.title = Objects.requireNonNull(title);
    this.rationale = Objects.requireNonNull(rationale);
    this.fix = Objects.requireNonNull(fix);
  }

  public final String id() {
    return id;
  }

  public final Severity severity() {
    return severity;
  }

  /** A short title (the table's and SARIF's short description). */
  public final String title() {
    return title;
  }

  /** One line: why this matters. */
  public final String rationale() {
    return rationale;
  }

  /** One line: what to do. */
  public final String fix() {
    return fix;
  }

  /** Whether this is a hadolint rule ID (users keep their habits and configs). */
  public final boolean hadolint() {
    return id.startsWith("DL") || id.startsWith("SC");
  }

  /** Looks at the file and reports every finding. */
  public abstract void check(LintContext ctx, Sink sink);

  /** Where a rule reports. */
  public interface Sink {
    /** A finding on an instruction (pragmas on the line before it apply). */
    void report(Instruction at, String message);

    /** A finding on a line not tied to an instruction (whole file: line 1). */
    void reportLine(int line, String message);
  }
}
