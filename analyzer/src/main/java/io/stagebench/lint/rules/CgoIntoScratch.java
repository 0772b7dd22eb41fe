package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB010: Binary built with cgo copied into scratch. */
public final class CgoIntoScratch extends Rule {
  public CgoIntoScratch() {
    super("SB010", Severity.ERROR, "Binary built with cgo copied into scratch",
        "go build links libc dynamically when cgo is enabled (the default when gcc is present); in scratch there is no libc and it fails to start.",
        "Build with CGO_ENABLED=0 (static), or use a runtime with libc (debian:*-slim, distroless/base).");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      List<Stage> chain = ctx.chain(s);
      if (!ctx.resolved(chain.get(chain.size() - 1)).fromScratch()) {
        continue;
      }
      for (Instruction copy : s.instructions("COPY")) {
        String from = ctx.resolved(copy).map(r -> r.flags().get("from")).orElse(null);
        if (from == null) {
          continue;
        }
        Optional<Stage> src = ctx.dockerfile().stage(from).filter(o -> o.index() < s.index());
        if (src.isEmpty()) {
          continue;
        }
        for (Instruction run : ctx.chainBody(src.get())) {
          if (!run.is("RUN")) {
            continue;
          }
          String envCgo = ctx.variables(run).getOrDefault("CGO_ENABLED", "");
          for (Shell.Cmd c : ctx.commands(run)) {
            if (c.is("go") && c.subcommand().equals("build") && !c.assigns("CGO_ENABLED", "0")
                && !(envCgo.equals("0") && c.assignments().stream().noneMatch(a -> a.startsWith("CGO_ENABLED=")))
                && !LintContext.script(run).matches("(?s).*export\\s+CGO_ENABLED=0.*")) {
              sink.report(copy, "copies from stage " + src.get().displayName() + " whose go build (line " + run.startLine()
                  + ") has cgo enabled into scratch: the binary needs libc");
            }
          }
        }
      }
    }
  }
}
