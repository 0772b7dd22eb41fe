package io.stagebench.dockerfile;

import java.util.Map;
import java.util.Set;

/** The instructions Docker knows, and the builder flags each accepts. */
final class Keywords {
  private Keywords() {}

  static final Map<String, Set<String>> FLAGS =
      Map.ofEntries(
          Map.entry(
              "add",
              Set.of("chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack")),
          Map.entry("arg", Set.of()),
          Map.entry("cmd", Set.of()),
          Map.entry("copy", Set.of("from", "chown", "chmod", "link", "parents", "exclude")),
          Map.entry("entrypoint", Set.of()),
          Map.entry("env", Set.of()),
          Map.entry("expose", Set.of()),
          Map.entry("from", Set.of("platform")),
          Map.entry(
              "healthcheck",
              Set.of("interval", "timeout", "start-period", "start-interval", "retries")),
          Map.entry("label", Set.of()),
          Map.entry("maintainer", Set.of()),
          Map.entry("onbuild", Set.of()),
          Map.entry("run", Set.of("mount", "network", "security", "device")),
          Map.entry("shell", Set.of()),
          Map.entry("stopsignal", Set.of()),
          Map.entry("user", Set.of()),
          Map.entry("volume", Set.of()),
          Map.entry("workdir", Set.of()));

  /** Bare flags that need no value. */
  static final Set<String> BOOLEAN_FLAGS = Set.of("link", "keep-git-dir", "parents", "unpack");

  /** Only these may carry a heredoc. */
  static final Set<String> HEREDOC = Set.of("add", "copy", "run");

  static boolean isKnown(String lowerKeyword) {
    return FLAGS.containsKey(lowerKeyword);
  }
}
