package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3027: Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead. */
public final class AptNotAptGet extends Rule {
  public AptNotAptGet() {
    super("DL3027", Severity.WARNING, "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead",
        "apt has no stable command-line interface for scripts.",
        "Use apt-get or apt-cache.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      if (ctx.commands(run).stream().anyMatch(c -> c.is("apt"))) {
        sink.report(run, "apt in RUN: use apt-get");
      }
    }
  }
}
