package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL1000: The Dockerfile cannot be parsed. */
public final class ParseError extends Rule {
  public ParseError() {
    super("DL1000", Severity.ERROR, "The Dockerfile cannot be parsed",
        "Docker would refuse to build this file (or it is empty, binary, or a stage reference cannot be resolved); no other rule can run.",
        "Fix the syntax error at the reported line and column.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    // Reported by the Linter itself when parsing fails.
  }
}
