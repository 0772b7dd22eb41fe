package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3040: `dnf clean all` missing after dnf command. */
public final class DnfClean extends Rule {
  public DnfClean() {
    super("DL3040", Severity.WARNING, "`dnf clean all` missing after dnf command",
        "The package manager cache stays in the layer unless it is cleaned in the same RUN.",
        "End the RUN with && dnf clean all.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      List<Shell.Cmd> cmds = ctx.commands(run);
      boolean installs = cmds.stream().anyMatch(c -> Support.isCmd(c, List.of("dnf", "microdnf"), List.of("install", "groupinstall", "localinstall", "reinstall")));
      boolean cleans = cmds.stream().anyMatch(c -> (c.is("dnf", "microdnf")) && c.subcommand().equals("clean") || c.is("rm") && c.words().stream().anyMatch(w -> w.startsWith("/var/cache/dnf") || w.startsWith("/var/cache/yum")));
      if (installs && !cleans && !LintContext.mountsCacheAt(run, "/var/cache/dnf")) {
        sink.report(run, "dnf clean all missing in the RUN that installs packages");
      }
    }
  }
}
