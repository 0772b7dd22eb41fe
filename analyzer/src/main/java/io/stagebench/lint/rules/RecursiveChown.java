package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB006: `RUN chown/chmod -R` on copied files. */
public final class RecursiveChown extends Rule {
  public RecursiveChown() {
    super("SB006", Severity.WARNING, "`RUN chown/chmod -R` on copied files",
        "Changing owner or mode rewrites every file into a new layer: the copied files ship twice.",
        "Use COPY --chown=user:group (and --chmod) on the COPY itself.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      List<String> dests = new ArrayList<>();
      String workdir = "/";
      for (Instruction i : ctx.chainBody(s)) {
        boolean mine = s.body().stream().anyMatch(b -> b == i);
        if (i.is("WORKDIR")) {
          String w = ctx.resolved(i).map(r -> r.arguments().isEmpty() ? "/" : r.arguments().get(0)).orElse("/");
          workdir = Support.absolute(w, workdir);
        } else if ((i.is("COPY") || i.is("ADD")) && i.arguments().size() >= 2) {
          List<String> args = ctx.resolved(i).map(ResolvedInstruction::arguments).orElse(i.arguments());
          dests.add(Support.absolute(args.get(args.size() - 1), workdir));
        } else if (i.is("RUN") && mine) {
          for (Shell.Cmd c : ctx.commands(i)) {
            if (c.is("chown", "chmod") && (c.hasOption("-R", "--recursive") || c.hasShortFlag('R'))) {
              List<String> ops = c.operands();
              for (String op : ops.subList(Math.min(1, ops.size()), ops.size())) {
                String abs = Support.absolute(op, workdir);
                for (String d : dests) {
                  if (abs.equals(d) || d.startsWith(abs.equals("/") ? "/" : abs + "/")) {
                    sink.report(i, c.program() + " -R " + op + " rewrites files copied to " + d + ": use COPY --" + c.program() + "=");
                    break;
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
