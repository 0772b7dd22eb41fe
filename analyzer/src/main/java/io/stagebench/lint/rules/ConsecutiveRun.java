package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3059: Multiple consecutive `RUN` instructions. Consider consolidation.. */
public final class ConsecutiveRun extends Rule {
  public ConsecutiveRun() {
    super("DL3059", Severity.INFO, "Multiple consecutive `RUN` instructions. Consider consolidation.",
        "Each RUN is a layer; files deleted in a later RUN still ship in the earlier one.",
        "Join the commands with && in one RUN.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      List<Instruction> body = s.body();
      for (int i = 1; i < body.size(); i++) {
        Instruction a = body.get(i - 1);
        Instruction b = body.get(i);
        if (a.is("RUN") && b.is("RUN") && a.flags().isEmpty() && b.flags().isEmpty()) {
          sink.report(b, "RUN right after the RUN at line " + a.startLine() + ": consider one RUN");
        }
      }
    }
  }
}
