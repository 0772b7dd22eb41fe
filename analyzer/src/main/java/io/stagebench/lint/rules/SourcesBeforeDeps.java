package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB002: Sources copied before the dependency manifests are installed. */
public final class SourcesBeforeDeps extends Rule {
  public SourcesBeforeDeps() {
    super("SB002", Severity.WARNING, "Sources copied before the dependency manifests are installed",
        "COPY . . before the dependency install invalidates the dependency layer on every source edit.",
        "COPY the manifests (package.json + lockfile, go.mod/go.sum, pom.xml, Cargo.toml/Cargo.lock, requirements.txt) first, install, then COPY the sources.");
  }

  static final List<String> MANIFESTS = List.of(
      "package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
      "go.mod", "go.sum", "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle",
      "settings.gradle.kts", "cargo.toml", "cargo.lock", "requirements.txt", "pyproject.toml",
      "poetry.lock", "pipfile", "pipfile.lock", "gemfile", "gemfile.lock", "composer.json", "composer.lock");

  /** Whether a command resolves or downloads dependencies. */
  static boolean installsDeps(Shell.Cmd c) {
    String sub = c.subcommand();
    return Support.isNpmInstall(c)
        || c.is("yarn") && (sub.isEmpty() || sub.equals("install"))
        || c.is("pnpm") && (sub.equals("install") || sub.equals("i"))
        || Support.isPipInstall(c)
        || c.is("go") && (sub.equals("build") || sub.equals("mod") || sub.equals("install"))
        || c.is("mvn", "mvnw") || c.is("gradle", "gradlew")
        || c.is("cargo") && (sub.equals("build") || sub.equals("fetch") || sub.equals("install"))
        || c.is("bundle") && sub.equals("install")
        || c.is("composer") && sub.equals("install");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      boolean manifestCopied = false;
      Instruction wholeCopy = null;
      for (Instruction i : s.body()) {
        if ((i.is("COPY") || i.is("ADD")) && i.flagValue("from").isEmpty() && i.arguments().size() >= 2) {
          List<String> srcs = i.arguments().subList(0, i.arguments().size() - 1);
          for (String src : srcs) {
            String base = src.replaceAll("/+$", "");
            base = base.substring(base.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (base.equals(".") || base.isEmpty() || base.equals("*")) {
              if (wholeCopy == null) {
                wholeCopy = i;
              }
            } else if (MANIFESTS.contains(base) || base.endsWith(".json") && base.startsWith("package")
                || base.startsWith("requirements") || base.equals("package*.json")) {
              manifestCopied = true;
            }
          }
        } else if (i.is("RUN") && wholeCopy != null && !manifestCopied
            && ctx.commands(i).stream().anyMatch(SourcesBeforeDeps::installsDeps)) {
          sink.report(wholeCopy, "the whole context is copied (line " + wholeCopy.startLine()
              + ") before the dependencies are resolved at line " + i.startLine() + ": any source edit re-downloads them");
          break;
        }
      }
    }
  }
}
