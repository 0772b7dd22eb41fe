package io.stagebench.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The checkout's git commit, for reports; null when not a git checkout. */
final class GitInfo {
  private static volatile String cached;

  private GitInfo() {}

  static String commit(Path home) {
    if (cached != null) {
      return cached.isEmpty() ? null : cached;
    }
    String c = "";
    try {
      Process p = new ProcessBuilder("git", "-C", home.toString(), "rev-parse", "--short=12", "HEAD")
          .redirectErrorStream(true).start();
      String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && outText.matches("[0-9a-f]{7,40}")) {
        c = outText;
      }
    } catch (java.io.IOException e) {
      // no git on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cached = c;
    return c.isEmpty() ? null : c;
  }
}
