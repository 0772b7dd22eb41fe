package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB004: Dev dependencies reaching the final stage. */
public final class DevDepsInFinal extends Rule {
  public DevDepsInFinal() {
    super("SB004", Severity.WARNING, "Dev dependencies reaching the final stage",
        "npm ci/install without --omit=dev installs test and build tools into the image that runs the app.",
        "Use npm ci --omit=dev in the final stage (or npm prune --omit=dev after the build, or ENV NODE_ENV=production).");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    List<Instruction> body = ctx.chainBody(ctx.targetStage());
    for (int k = 0; k < body.size(); k++) {
      Instruction i = body.get(k);
      if (!i.is("RUN")) {
        continue;
      }
      String env = ctx.variables(i).getOrDefault("NODE_ENV", "");
      for (Shell.Cmd c : ctx.commands(i)) {
        if ((c.is("npm") && List.of("ci", "install", "i").contains(c.subcommand()) && c.operands().size() == 1)
            && !c.hasOption("--omit", "--production", "--only") && !env.equals("production")
            && !c.assignments().contains("NODE_ENV=production")
            && !prunedAfter(ctx, body, k)) {
          sink.report(i, "npm " + c.subcommand() + " without --omit=dev in the final stage: dev dependencies ship");
        }
      }
    }
  }

  private static boolean prunedAfter(LintContext ctx, List<Instruction> body, int from) {
    for (int k = from; k < body.size(); k++) {
      for (Shell.Cmd c : ctx.commands(body.get(k))) {
        if (c.is("npm") && c.subcommand().equals("prune") && c.hasOption("--omit", "--production")) {
          return true;
        }
      }
    }
    return false;
  }
}
