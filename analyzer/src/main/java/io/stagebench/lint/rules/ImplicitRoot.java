package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB013: Final stage running as root implicitly (no USER). */
public final class ImplicitRoot extends Rule {
  public ImplicitRoot() {
    super("SB013", Severity.WARNING, "Final stage running as root implicitly (no USER)",
        "Without USER the container runs as root (uid 0) unless the base image sets a user.",
        "Create a user (or use a numeric uid) and add USER to the final stage.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    boolean user = ctx.chainBody(ctx.targetStage()).stream().anyMatch(i -> i.is("USER"));
    if (!user) {
      Stage t = ctx.targetStage();
      sink.report(t.from(), "the final stage " + t.displayName() + " sets no USER: it runs as root");
    }
  }
}
