package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3015: Avoid additional packages by specifying --no-install-recommends. */
public final class AptNoRecommends extends Rule {
  public AptNoRecommends() {
    super("DL3015", Severity.INFO, "Avoid additional packages by specifying --no-install-recommends",
        "Recommended packages are not needed to run and often double what apt-get install adds.",
        "Use apt-get install -y --no-install-recommends PACKAGE...");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      for (Shell.Cmd c : ctx.commands(run)) {
        if (c.is("apt-get") && c.subcommand().equals("install")
            && !c.hasOption("--no-install-recommends")
            && !c.words().contains("APT::Install-Recommends=false")
            && !c.words().contains("APT::Install-Recommends=0")) {
          sink.report(run, "apt-get install without --no-install-recommends");
        }
      }
    }
  }
}
