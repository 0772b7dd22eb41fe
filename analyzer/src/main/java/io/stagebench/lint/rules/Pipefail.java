package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL4006: Set the SHELL option -o pipefail before RUN with a pipe in it. */
public final class Pipefail extends Rule {
  public Pipefail() {
    super("DL4006", Severity.WARNING, "Set the SHELL option -o pipefail before RUN with a pipe in it",
        "Without pipefail a failing command before | is ignored and the build goes on with bad output.",
        "Add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before the RUN, or set -o pipefail in it.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      boolean pipefail = false;
      boolean nonPosix = false;
      for (Instruction i : ctx.chainBody(s)) {
        if (i.is("SHELL")) {
          String sh = String.join(" ", i.arguments());
          pipefail = sh.matches(".*-[a-z]*o\\s+pipefail.*");
          nonPosix = sh.contains("pwsh") || sh.contains("powershell") || sh.contains("cmd");
        } else if (i.is("RUN") && !pipefail && !nonPosix && !s.body().stream().noneMatch(b -> b == i) && i.isShellForm()) {
          String script = LintContext.script(i);
          boolean setsIt = script.matches("(?s).*set\\s+-[a-z]*o\\s+pipefail.*");
          if (!setsIt && ctx.commands(i).stream().anyMatch(Shell.Cmd::pipedInto)) {
            sink.report(i, "RUN with a pipe and no -o pipefail: a failure before | is ignored");
          }
        }
      }
    }
  }
}
