package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3036: `zypper clean` missing after zypper use. */
public final class ZypperClean extends Rule {
  public ZypperClean() {
    super("DL3036", Severity.WARNING, "`zypper clean` missing after zypper use",
        "The package manager cache stays in the layer unless it is cleaned in the same RUN.",
        "End the RUN with && zypper clean.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      List<Shell.Cmd> cmds = ctx.commands(run);
      boolean installs = cmds.stream().anyMatch(c -> Support.isCmd(c, List.of("zypper"), List.of("install", "in", "remove", "rm", "source-install", "si", "patch")));
      boolean cleans = cmds.stream().anyMatch(c -> c.is("zypper") && (c.subcommand().equals("clean") || c.subcommand().equals("cc")));
      if (installs && !cleans && !LintContext.mountsCacheAt(run, "/var/cache/zypp")) {
        sink.report(run, "zypper clean missing in the RUN that installs packages");
      }
    }
  }
}
