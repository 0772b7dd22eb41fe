package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB007: Stage not used by the target. */
public final class UnusedStage extends Rule {
  public UnusedStage() {
    super("SB007", Severity.INFO, "Stage not used by the target",
        "BuildKit skips it, but the classic builder still builds every stage before the target.",
        "Remove the stage, or build it with its own --target.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (ResolvedStage r : ctx.graph().deadStages()) {
      Stage s = r.stage();
      String why = s.index() < ctx.graph().target()
          ? ": the classic builder still builds it"
          : ": it comes after the target";
      sink.report(s.from(), "stage " + s.displayName() + " is not used by the target " + ctx.targetStage().displayName() + why);
    }
  }
}
