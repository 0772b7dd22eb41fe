package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3007: Using latest is prone to errors if the image will ever update. */
public final class LatestTag extends Rule {
  public LatestTag() {
    super("DL3007", Severity.WARNING, "Using latest is prone to errors if the image will ever update",
        "The latest tag moves: the same Dockerfile builds a different image tomorrow.",
        "Pin a version tag (or a digest) instead of latest.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      ResolvedStage r = ctx.resolved(s);
      if (r.baseStage().isEmpty() && !r.base().contains("@") && Support.tag(r.base()).equals("latest")) {
        sink.report(s.from(), "FROM " + r.base() + " uses the latest tag");
      }
    }
  }
}
