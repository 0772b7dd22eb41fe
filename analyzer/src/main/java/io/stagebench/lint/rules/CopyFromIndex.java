package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB008: `COPY --from=<index>` instead of a stage name. */
public final class CopyFromIndex extends Rule {
  public CopyFromIndex() {
    super("SB008", Severity.WARNING, "`COPY --from=<index>` instead of a stage name",
        "An index silently points at another stage when a stage is inserted above.",
        "Name the stage (FROM ... AS build) and use --from=build.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Edge e : ctx.graph().edges()) {
      if ((e.kind() == Edge.Kind.COPY_FROM || e.kind() == Edge.Kind.MOUNT_FROM) && e.byIndex()) {
        instructionAt(ctx, e.line()).ifPresent(i -> sink.report(i, (e.kind() == Edge.Kind.COPY_FROM ? "COPY --from=" : "RUN --mount=from=")
            + e.reference() + " refers to a stage by index"));
      }
    }
  }

  static Optional<Instruction> instructionAt(LintContext ctx, int line) {
    return ctx.dockerfile().instructions().stream().filter(i -> i.startLine() == line).findFirst();
  }
}
