package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3014: Use the `-y` switch to avoid manual input `apt-get -y install <package>`. */
public final class AptGetYes extends Rule {
  public AptGetYes() {
    super("DL3014", Severity.WARNING, "Use the `-y` switch to avoid manual input `apt-get -y install <package>`",
        "Without -y apt-get asks for confirmation and a non-interactive build aborts.",
        "Add -y to apt-get install.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      for (Shell.Cmd c : ctx.commands(run)) {
        if (c.is("apt-get") && c.subcommand().equals("install")
            && !c.hasOption("--yes", "--assume-yes", "-qq") && !c.hasShortFlag('y')) {
          sink.report(run, "apt-get install without -y");
        }
      }
    }
  }
}
