package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3046: `useradd` without flag `-l` and high UID will result in excessively large Image. */
public final class UseraddLog extends Rule {
  public UseraddLog() {
    super("DL3046", Severity.WARNING, "`useradd` without flag `-l` and high UID will result in excessively large Image",
        "useradd writes a sparse lastlog/faillog sized by the UID; a high UID makes a huge file in the layer.",
        "Add -l (--no-log-init) to useradd, or use a UID below 100000.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      for (Shell.Cmd c : ctx.commands(run)) {
        if (!c.is("useradd") || c.hasOption("-l", "--no-log-init") || c.hasShortFlag('l')) {
          continue;
        }
        List<String> w = c.words();
        for (int i = 1; i < w.size(); i++) {
          String uid = null;
          if ((w.get(i).equals("-u") || w.get(i).equals("--uid")) && i + 1 < w.size()) {
            uid = w.get(i + 1);
          } else if (w.get(i).startsWith("--uid=")) {
            uid = w.get(i).substring(6);
          }
          if (uid != null && uid.length() > 5) {
            sink.report(run, "useradd -u " + uid + " without -l: lastlog grows with the UID");
          }
        }
      }
    }
  }
}
