package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3042: Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`. */
public final class PipCacheDir extends Rule {
  public PipCacheDir() {
    super("DL3042", Severity.WARNING, "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`",
        "pip keeps every downloaded wheel in ~/.cache/pip, which then ships in the layer.",
        "Use pip install --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or mount a cache at /root/.cache/pip.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      Map<String, String> vars = ctx.variables(run);
      if (vars.containsKey("PIP_NO_CACHE_DIR") || LintContext.mountsCacheAt(run, "/root/.cache/pip")) {
        continue;
      }
      for (Shell.Cmd c : ctx.commands(run)) {
        if (Support.isPipInstall(c) && !c.hasOption("--no-cache-dir") && !c.assignments().stream().anyMatch(a -> a.startsWith("PIP_NO_CACHE_DIR="))) {
          sink.report(run, "pip install without --no-cache-dir");
          break;
        }
      }
    }
  }
}
