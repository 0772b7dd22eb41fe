package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB009: Unnamed stage referenced by index. */
public final class UnnamedStageReferenced extends Rule {
  public UnnamedStageReferenced() {
    super("SB009", Severity.WARNING, "Unnamed stage referenced by index",
        "A stage used by others without a name makes the references fragile and the file hard to read.",
        "Give the stage a name with FROM ... AS name.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      if (s.name().isPresent()) {
        continue;
      }
      List<Edge> refs = ctx.graph().edgesTo(s.index());
      if (!refs.isEmpty()) {
        sink.report(s.from(), "stage " + s.index() + " has no name and is referenced at line " + refs.get(0).line());
      }
    }
  }
}
