package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3003: Use WORKDIR to switch to a directory. */
public final class CdInRun extends Rule {
  public CdInRun() {
    super("DL3003", Severity.WARNING, "Use WORKDIR to switch to a directory",
        "cd in a RUN lasts for that RUN only; WORKDIR documents the directory for every later instruction.",
        "Use WORKDIR /path instead of RUN cd /path && ...");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      if (ctx.commands(run).stream().anyMatch(c -> c.is("cd"))) {
        sink.report(run, "cd in RUN: use WORKDIR");
      }
    }
  }
}
