package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3023: COPY --from should reference a different stage than its own FROM alias. */
public final class CopyFromSelf extends Rule {
  public CopyFromSelf() {
    super("DL3023", Severity.ERROR, "COPY --from should reference a different stage than its own FROM alias",
        "A stage cannot copy from itself; the build fails with a cycle.",
        "Copy from the stage that produces the files.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      for (Instruction copy : s.instructions("COPY")) {
        String from = ctx.resolved(copy).map(r -> r.flags().get("from")).orElse(copy.flagValue("from").orElse(null));
        if (from != null && s.answersTo(from)) {
          sink.report(copy, "COPY --from=" + from + " refers to its own stage");
        }
      }
    }
  }
}
