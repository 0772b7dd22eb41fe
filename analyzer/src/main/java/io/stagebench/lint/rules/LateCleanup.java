package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB005: Cleanup in a later layer than the files it deletes. */
public final class LateCleanup extends Rule {
  public LateCleanup() {
    super("SB005", Severity.WARNING, "Cleanup in a later layer than the files it deletes",
        "Layers are additive: deleting in a later RUN hides the files but the earlier layer still ships them.",
        "Delete in the same RUN that creates the files, or avoid creating them (copy from a builder stage, --mount).");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      List<Instruction> body = ctx.chainBody(s);
      Map<String, Integer> copied = new HashMap<>();
      boolean aptUpdated = false;
      boolean aptInstalled = false;
      String workdir = "/";
      for (Instruction i : body) {
        boolean mine = s.body().stream().anyMatch(b -> b == i);
        if (i.is("WORKDIR")) {
          String w = ctx.resolved(i).map(r -> r.arguments().isEmpty() ? "/" : r.arguments().get(0)).orElse("/");
          workdir = Support.absolute(w, workdir);
        } else if ((i.is("COPY") || i.is("ADD")) && i.arguments().size() >= 2) {
          List<String> args = ctx.resolved(i).map(ResolvedInstruction::arguments).orElse(i.arguments());
          String dest = args.get(args.size() - 1);
          String abs = Support.absolute(dest, workdir);
          if (!dest.endsWith("/") && args.size() == 2) {
            copied.put(abs, i.startLine());
          } else {
            for (String src : args.subList(0, args.size() - 1)) {
              String b = src.replaceAll("/+$", "");
              b = b.substring(b.lastIndexOf('/') + 1);
              if (!b.isEmpty() && !b.equals(".") && !b.contains("*")) {
                copied.put(Support.absolute(b, abs), i.startLine());
              }
            }
          }
        } else if (i.is("RUN")) {
          List<Shell.Cmd> cmds = ctx.commands(i);
          if (mine) {
            for (Shell.Cmd c : cmds) {
              if (c.is("rm")) {
                for (String op : c.operands()) {
                  String abs = Support.absolute(op, workdir);
                  Integer line = copied.get(abs);
                  if (line != null) {
                    sink.report(i, "rm " + op + " deletes files added at line " + line + ": that layer still ships them");
                  } else if (abs.startsWith("/var/lib/apt/lists") && aptUpdated && !cmds.stream().anyMatch(x -> x.is("apt-get"))) {
                    sink.report(i, "rm " + op + " in a later layer than apt-get update: the lists still ship");
                  }
                }
              } else if (c.is("apt-get") && c.subcommand().equals("clean") && aptInstalled
                  && cmds.stream().noneMatch(x -> x.is("apt-get") && x.subcommand().equals("install"))) {
                sink.report(i, "apt-get clean in a later layer than apt-get install: the cache still ships");
              }
            }
          }
          for (Shell.Cmd c : cmds) {
            if (c.is("apt-get") && c.subcommand().equals("update")
                && cmds.stream().noneMatch(x -> x.is("rm") && x.words().stream().anyMatch(w -> w.startsWith("/var/lib/apt/lists")))) {
              aptUpdated = true;
            }
            if (c.is("apt-get") && c.subcommand().equals("install")
                && cmds.stream().noneMatch(x -> x.is("apt-get") && x.subcommand().equals("clean"))) {
              aptInstalled = true;
            }
          }
        }
      }
    }
  }
}
