package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3006: Always tag the version of an image explicitly. */
public final class UntaggedImage extends Rule {
  public UntaggedImage() {
    super("DL3006", Severity.WARNING, "Always tag the version of an image explicitly",
        "An untagged image means :latest, which changes under you and breaks reproducible builds.",
        "Add a tag or a digest: FROM image:1.2 or FROM image@sha256:...");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      ResolvedStage r = ctx.resolved(s);
      String base = r.base();
      if (r.baseStage().isPresent() || r.fromScratch() || base.contains("$") || base.contains("@") || base.isEmpty()) {
        continue;
      }
      if (Support.tag(base).isEmpty()) {
        sink.report(s.from(), "FROM " + base + " has no tag: it means " + base + ":latest");
      }
    }
  }
}
