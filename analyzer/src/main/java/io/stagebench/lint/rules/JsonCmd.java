package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3025: Use arguments JSON notation for CMD and ENTRYPOINT arguments. */
public final class JsonCmd extends Rule {
  public JsonCmd() {
    super("DL3025", Severity.WARNING, "Use arguments JSON notation for CMD and ENTRYPOINT arguments",
        "The shell form runs under /bin/sh -c, so the process is not PID 1 and gets no signals.",
        "Write CMD [\"prog\", \"arg\"] (exec form).");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      for (Instruction i : s.body()) {
        if ((i.is("CMD") || i.is("ENTRYPOINT")) && i.isShellForm()) {
          sink.report(i, i.keyword() + " in shell form: signals do not reach the process");
        }
      }
    }
  }
}
