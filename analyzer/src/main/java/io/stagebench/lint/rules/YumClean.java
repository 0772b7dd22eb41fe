package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3032: `yum clean all` missing after yum command. */
public final class YumClean extends Rule {
  public YumClean() {
    super("DL3032", Severity.WARNING, "`yum clean all` missing after yum command",
        "The package manager cache stays in the layer unless it is cleaned in the same RUN.",
        "End the RUN with && yum clean all.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      List<Shell.Cmd> cmds = ctx.commands(run);
      boolean installs = cmds.stream().anyMatch(c -> Support.isCmd(c, List.of("yum"), List.of("install", "groupinstall", "localinstall", "reinstall")));
      boolean cleans = cmds.stream().anyMatch(c -> c.is("yum") && c.subcommand().equals("clean") || c.is("rm") && c.words().stream().anyMatch(w -> w.startsWith("/var/cache/yum")));
      if (installs && !cleans && !LintContext.mountsCacheAt(run, "/var/cache/yum")) {
        sink.report(run, "yum clean all missing in the RUN that installs packages");
      }
    }
  }
}
