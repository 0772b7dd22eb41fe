package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB003: `npm install` where `npm ci` fits. */
public final class NpmInstallNotCi extends Rule {
  public NpmInstallNotCi() {
    super("SB003", Severity.WARNING, "`npm install` where `npm ci` fits",
        "With a lockfile copied, npm ci installs exactly the locked tree, faster, and fails if it is stale; npm install may rewrite it.",
        "Use npm ci (with --omit=dev in the runtime).");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      boolean lock = false;
      for (Instruction i : ctx.chainBody(s)) {
        if (i.is("COPY") || i.is("ADD")) {
          for (String a : i.arguments()) {
            String b = a.toLowerCase(Locale.ROOT);
            if (b.endsWith("package-lock.json") || b.endsWith("npm-shrinkwrap.json") || b.endsWith("package*.json")) {
              lock = true;
            }
          }
        } else if (i.is("RUN") && lock && s.body().stream().anyMatch(b -> b == i)) {
          for (Shell.Cmd c : ctx.commands(i)) {
            if (c.is("npm") && (c.subcommand().equals("install") || c.subcommand().equals("i"))
                && c.operands().size() == 1) {
              sink.report(i, "npm install with a lockfile copied: use npm ci");
            }
          }
        }
      }
    }
  }
}
