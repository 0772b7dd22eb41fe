package io.stagebench.lint.rules;

import io.stagebench.dockerfile.Instruction;
import io.stagebench.dockerfile.Stage;
import io.stagebench.lint.LintContext;
import io.stagebench.lint.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shared readings of instructions for the rules. */
final class Support {
  private Support() {}

  /** Every RUN of every stage, in file order. */
  static List<Instruction> runs(LintContext ctx) {
    List<Instruction> out = new ArrayList<>();
    for (Stage s : ctx.stages()) {
      out.addAll(s.instructions("RUN"));
    }
    return out;
  }

  /** Whether a command is {@code prog sub} for one of these programs and subcommands. */
  static boolean isCmd(Shell.Cmd c, List<String> programs, List<String> subs) {
    return programs.contains(c.program()) && subs.contains(c.subcommand());
  }

  /** pip install, also as {@code python -m pip install}. */
  static boolean isPipInstall(Shell.Cmd c) {
    List<String> w = c.words();
    if (c.is("pip", "pip3") || c.program().matches("pip3\\.\\d+")) {
      return c.subcommand().equals("install");
    }
    if ((c.program().startsWith("python")) && w.size() > 3 && w.get(1).equals("-m")
        && w.get(2).startsWith("pip") && w.get(3).equals("install")) {
      return true;
    }
    return false;
  }

  static boolean isNpmInstall(Shell.Cmd c) {
    return c.is("npm") && List.of("install", "i", "ci", "add").contains(c.subcommand());
  }

  /** The image name's last path segment without tag or digest ({@code docker.io/library/golang:1.21} gives golang). */
  static String repoName(String image) {
    String s = image.toLowerCase(Locale.ROOT);
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    if (colon > slash) {
      s = s.substring(0, colon);
    }
    return slash >= 0 ? s.substring(s.lastIndexOf('/') + 1) : s;
  }

  /** The tag of an image reference, "" when none. */
  static String tag(String image) {
    String s = image;
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    return colon > slash ? s.substring(colon + 1) : "";
  }

  /** A path made absolute against a working directory, without a trailing slash. */
  static String absolute(String path, String workdir) {
    String p = path;
    if (!p.startsWith("/")) {
      p = (workdir.endsWith("/") ? workdir : workdir + "/") + p;
    }
    p = p.replaceAll("/\\./", "/").replaceAll("/\\.$", "").replaceAll("/+", "/");
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
