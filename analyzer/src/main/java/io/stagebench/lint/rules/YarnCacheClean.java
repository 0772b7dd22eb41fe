package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3060: `yarn cache clean` missing after `yarn install`. */
public final class YarnCacheClean extends Rule {
  public YarnCacheClean() {
    super("DL3060", Severity.INFO, "`yarn cache clean` missing after `yarn install`",
        "The package manager cache stays in the layer unless it is cleaned in the same RUN.",
        "End the RUN with && yarn cache clean (or mount a cache).");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      List<Shell.Cmd> cmds = ctx.commands(run);
      boolean installs = cmds.stream().anyMatch(c -> Support.isCmd(c, List.of("yarn"), List.of("install", "")));
      boolean cleans = cmds.stream().anyMatch(c -> c.is("yarn") && c.subcommand().equals("cache") && c.words().contains("clean"));
      if (installs && !cleans && !LintContext.mountsCacheAt(run, "/usr/local/share/.cache/yarn")) {
        sink.report(run, "yarn cache clean missing in the RUN that installs packages");
      }
    }
  }
}
