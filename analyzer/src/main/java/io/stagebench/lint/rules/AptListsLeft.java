package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3009: Delete the apt-get lists after installing something. */
public final class AptListsLeft extends Rule {
  public AptListsLeft() {
    super("DL3009", Severity.INFO, "Delete the apt-get lists after installing something",
        "apt-get update leaves ~20-50 MB of package lists in the layer; only stages whose files reach the final image matter.",
        "End the same RUN with && rm -rf /var/lib/apt/lists/* (or mount a cache at /var/lib/apt/lists).");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.imageChain()) {
      for (Instruction run : s.instructions("RUN")) {
        List<Shell.Cmd> cmds = ctx.commands(run);
        boolean update = cmds.stream().anyMatch(c -> c.is("apt-get") && c.subcommand().equals("update"));
        boolean cleaned = cmds.stream().anyMatch(c -> c.is("rm") && c.words().stream().anyMatch(w -> w.startsWith("/var/lib/apt/lists")));
        if (update && !cleaned && !LintContext.mountsCacheAt(run, "/var/lib/apt/lists")) {
          sink.report(run, "apt-get update without rm -rf /var/lib/apt/lists/* in the same RUN: the lists stay in the final image");
        }
      }
    }
  }
}
