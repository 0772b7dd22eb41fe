package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL4000: MAINTAINER is deprecated. */
public final class Maintainer extends Rule {
  public Maintainer() {
    super("DL4000", Severity.ERROR, "MAINTAINER is deprecated",
        "MAINTAINER is deprecated since Docker 1.13.",
        "Use LABEL org.opencontainers.image.authors=\"...\" instead.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      for (Instruction i : s.instructions("MAINTAINER")) {
        sink.report(i, "MAINTAINER is deprecated");
      }
    }
  }
}
