package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3002: Last USER should not be root. */
public final class LastUserRoot extends Rule {
  public LastUserRoot() {
    super("DL3002", Severity.WARNING, "Last USER should not be root",
        "A container running as root turns any escape or file-write bug into root on the host volume.",
        "End the final stage with USER and a non-root user or uid.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    Instruction last = null;
    for (Instruction i : ctx.chainBody(ctx.targetStage())) {
      if (i.is("USER")) {
        last = i;
      }
    }
    if (last != null) {
      String u = ctx.resolved(last).map(r -> r.arguments().isEmpty() ? "" : r.arguments().get(0))
          .orElse(last.rawArguments()).trim();
      String user = u.split(":")[0];
      if (user.equals("root") || user.equals("0")) {
        sink.report(last, "the last USER of the final stage is " + u + ": the container runs as root");
      }
    }
  }
}
