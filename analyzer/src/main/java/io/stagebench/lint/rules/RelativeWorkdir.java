package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3000: Use absolute WORKDIR. */
public final class RelativeWorkdir extends Rule {
  public RelativeWorkdir() {
    super("DL3000", Severity.ERROR, "Use absolute WORKDIR",
        "A relative WORKDIR depends on the previous one and is easy to misread.",
        "Give WORKDIR an absolute path.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      for (Instruction w : s.instructions("WORKDIR")) {
        String p = w.rawArguments().replaceAll("^[\"']|[\"']$", "");
        if (!p.startsWith("/") && !p.startsWith("$") && !p.matches("^[A-Za-z]:[\\\\/].*")) {
          sink.report(w, "WORKDIR " + p + " is relative");
        }
      }
    }
  }
}
