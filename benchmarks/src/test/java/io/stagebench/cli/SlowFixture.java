package io.stagebench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A checkout-like home with one fixture: a fast variant and one whose build sleeps. */
final class SlowFixture {
  private SlowFixture() {}

  static void write(Path home, int sleepSeconds) throws IOException {
    Files.createDirectories(home.resolve("fixtures/bases"));
    Files.createDirectories(home.resolve("fixtures/profiles"));
    Files.writeString(home.resolve("fixtures/profiles/offline"), "BASE_IMAGE=stagebench/debian:bookworm-minbase\n");
    Path f = home.resolve("fixtures/slow");
    Files.createDirectories(f.resolve("src"));
    Files.writeString(f.resolve("src/app.sh"), "#!/bin/sh\necho hello\n");
    Files.writeString(f.resolve(".dockerignore"), "fixture.json\n");
    Files.writeString(f.resolve("Dockerfile.single"), String.join("\n",
        "ARG BASE_IMAGE=stagebench/debian:bookworm-minbase",
        "FROM ${BASE_IMAGE}",
        "COPY src/ /src/",
        "ENTRYPOINT [\"/bin/sh\", \"/src/app.sh\"]", ""));
    Files.writeString(f.resolve("Dockerfile.slow"), String.join("\n",
        "ARG BASE_IMAGE=stagebench/debian:bookworm-minbase",
        "FROM ${BASE_IMAGE}",
        "COPY src/ /src/",
        "RUN sleep " + sleepSeconds,
        "ENTRYPOINT [\"/bin/sh\", \"/src/app.sh\"]", ""));
    Files.writeString(f.resolve("fixture.json"), """
        {"schemaVersion": 1, "name": "slow", "description": "one fast variant, one slow", "language": "shell",
         "variants": [
           {"name": "single", "dockerfile": "Dockerfile.single", "pattern": "single-stage", "builders": ["classic", "buildkit"]},
           {"name": "slow", "dockerfile": "Dockerfile.slow", "pattern": "a slow step", "builders": ["classic", "buildkit"]}],
         "edits": {"source": {"file": "src/app.sh", "append": "# {{value}}\\n"}},
         "smoke": {"command": {"args": [], "expectOutputContains": "hello"}}}
        """);
  }

  static ProcessBuilder stagebench(Path home, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target", "stagebench.jar").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("STAGEBENCH_HOME", home.toString());
    pb.environment().put("CI", "true");
    return pb;
  }

  /** How a stagebench process ended: its exit code and everything it printed. */
  record Ended(int exit, String console) {}

  /** Runs stagebench in {@code home} to its end (at most {@code minutes}) and returns how it ended. */
  static Ended run(Path home, int minutes, String... args) throws IOException, InterruptedException {
    Process p = stagebench(home, args).start();
    String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("stagebench " + String.join(" ", args) + " did not end in " + minutes + " min:\n" + console);
    }
    return new Ended(p.exitValue(), console);
  }

  /** Reads lines until one contains {@code marker}; returns what was read. */
  static String readUntil(Process p, String marker) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = r.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.contains(marker)) {
        break;
      }
    }
    return seen.toString();
  }
}
