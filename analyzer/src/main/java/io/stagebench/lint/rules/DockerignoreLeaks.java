package io.stagebench.lint.rules;

import io.stagebench.Units;
import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB012: No `.dockerignore`, or one that lets build output and VCS data into the context. */
public final class DockerignoreLeaks extends Rule {
  public DockerignoreLeaks() {
    super("SB012", Severity.WARNING, "No `.dockerignore`, or one that lets build output and VCS data into the context",
        "Everything in the context is sent to the builder and busts COPY . . caches: .git, node_modules, target and build are large and change often.",
        "Add a .dockerignore listing .git, node_modules, target, build (and other output).");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    if (ctx.contextDir().isEmpty()) {
      return;
    }
    ContextScan scan = ctx.contextScan();
    String size = Units.bytes(scan.bytes()) + " in " + scan.files() + " files";
    if (!scan.dockerignore()) {
      sink.reportLine(1, "the context has no .dockerignore: all of it is sent (" + size + ")");
      return;
    }
    for (Map.Entry<String, Long> e : scan.leaks().entrySet()) {
      sink.reportLine(1, ".dockerignore lets " + e.getKey() + "/ into the context (" + Units.bytes(e.getValue())
          + " of " + size + ")");
    }
  }
}
