package io.stagebench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Which stagebench wrote a report: the jar's version and the checkout's git commit. */
public final class ToolVersion {
  private static volatile String cachedCommit;

  private ToolVersion() {}

  /** The version in the jar manifest ({@code Implementation-Version}), or {@code dev} outside the packaged jar. */
  public static String version() {
    String v = ToolVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The checkout's git commit (12 hex digits); null when {@code home} is not a git checkout. */
  public static String gitCommit(Path home) {
    if (cachedCommit != null) {
      return cachedCommit.isEmpty() ? null : cachedCommit;
    }
    String c = "";
    try {
      Process p = new ProcessBuilder("git", "-C", home.toString(), "rev-parse", "--short=12", "HEAD")
          .redirectErrorStream(true).start();
      String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && outText.matches("[0-9a-f]{7,40}")) {
        c = outText;
      }
    } catch (IOException e) {
      // no git on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cachedCommit = c;
    return c.isEmpty() ? null : c;
  }
}
