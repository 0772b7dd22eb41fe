package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB011: Package-manager cache that could be `RUN --mount=type=cache`. */
public final class CacheMount extends Rule {
  public CacheMount() {
    super("SB011", Severity.INFO, "Package-manager cache that could be `RUN --mount=type=cache`",
        "A cache mount keeps downloads between builds without putting them in a layer: faster rebuilds, smaller images.",
        "Add RUN --mount=type=cache,target=<cache dir> to the RUN (BuildKit).");
  }

  static final Map<String, String> CACHES = new LinkedHashMap<>();

  static {
    CACHES.put("apt-get", "/var/cache/apt");
    CACHES.put("npm", "/root/.npm");
    CACHES.put("pip", "/root/.cache/pip");
    CACHES.put("mvn", "/root/.m2");
    CACHES.put("gradle", "/root/.gradle");
    CACHES.put("cargo", "/usr/local/cargo/registry");
    CACHES.put("go", "/root/.cache/go-build");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Instruction run : Support.runs(ctx)) {
      if (LintContext.hasCacheMount(run)) {
        continue;
      }
      for (Shell.Cmd c : ctx.commands(run)) {
        String key = null;
        String sub = c.subcommand();
        if (c.is("apt-get") && sub.equals("install")) {
          key = "apt-get";
        } else if (Support.isNpmInstall(c)) {
          key = "npm";
        } else if (Support.isPipInstall(c) || c.is("pip", "pip3") && sub.equals("wheel")) {
          key = "pip";
        } else if (c.is("mvn", "mvnw")) {
          key = "mvn";
        } else if (c.is("gradle", "gradlew")) {
          key = "gradle";
        } else if (c.is("cargo") && (sub.equals("build") || sub.equals("fetch") || sub.equals("install"))) {
          key = "cargo";
        } else if (c.is("go") && (sub.equals("build") || sub.equals("mod") || sub.equals("install"))) {
          key = "go";
        }
        if (key != null) {
          sink.report(run, c.program() + " " + sub + " could keep its cache in RUN --mount=type=cache,target=" + CACHES.get(key));
          break;
        }
      }
    }
  }
}
