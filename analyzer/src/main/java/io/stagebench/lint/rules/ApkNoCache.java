package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3019: Use the --no-cache switch to avoid the need to use rm -rf /var/cache/apk/*. */
public final class ApkNoCache extends Rule {
  public ApkNoCache() {
    super("DL3019", Severity.INFO, "Use the --no-cache switch to avoid the need to use rm -rf /var/cache/apk/*",
        "apk add keeps its index in /var/cache/apk unless told not to.",
        "Use apk add --no-cache PACKAGE... (or mount a cache at /var/cache/apk).");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      for (Shell.Cmd c : ctx.commands(run)) {
        if (c.is("apk") && c.subcommand().equals("add") && !c.hasOption("--no-cache")
            && !LintContext.mountsCacheAt(run, "/var/cache/apk")) {
          sink.report(run, "apk add without --no-cache");
        }
      }
    }
  }
}
