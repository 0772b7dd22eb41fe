package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import io.stagebench.engine.EngineTestSupport;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGINT during a build: exit 130, a partial report, and nothing of the run left in the engine. */
class BenchInterruptIT {
  @Test
  void ctrlCLeavesAPartialReportAndNoContainersOrImages(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("fixtures/bases"));
    Files.createDirectories(home.resolve("fixtures/profiles"));
    Files.writeString(home.resolve("fixtures/profiles/offline"),
        "BASE_IMAGE=stagebench/debian:bookworm-minbase\nSLIM_IMAGE=stagebench/debian:bookworm-slim\n");
    Path tiny = home.resolve("fixtures/tiny");
    Files.createDirectories(tiny.resolve("src"));
    Files.writeString(tiny.resolve("src/app.sh"), "#!/bin/sh\necho hello\n");
    Files.writeString(tiny.resolve(".dockerignore"), "fixture.json\n");
    // A build step slow enough to be interrupted in flight.
    Files.writeString(tiny.resolve("Dockerfile.single"), String.join("\n",
        "ARG BASE_IMAGE=stagebench/debian:bookworm-minbase",
        "FROM ${BASE_IMAGE}",
        "COPY src/ /src/",
        "RUN sleep 60",
        "ENTRYPOINT [\"/bin/sh\", \"/src/app.sh\"]", ""));
    Files.writeString(tiny.resolve("fixture.json"), """
        {"schemaVersion": 1, "name": "tiny", "description": "slow", "language": "shell",
         "variants": [{"name": "single", "dockerfile": "Dockerfile.single", "pattern": "single-stage", "builders": ["classic"]}],
         "edits": {"source": {"file": "src/app.sh", "append": "# {{value}}\\n"}},
         "smoke": {"command": {"args": [], "expectOutputContains": "hello"}}}
        """);
    Path out = home.resolve("out");
    ProcessBuilder pb = SlowFixture.stagebench(home,
        "bench", "--fixtures", "tiny", "--builder", "classic", "--profile", "offline", "--out", out.toString());
    // A JVM started with SIGINT ignored (as by a background job of a script) keeps ignoring it, as
    // Ctrl-C never reaches such a job anyway: give the child the default disposition, wherever the
    // test itself was launched from (coreutils env, exec'ing java under the same pid).
    pb.command().addAll(0, List.of("env", "--default-signal=INT"));
    Process p = pb.start();
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = r.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.contains("tiny/single [classic] cold")) {
        break;
      }
    }
    assertThat(seen.toString()).contains("cold");
    Thread.sleep(4000); // the build is now in its RUN sleep step
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(seen + rest).isEqualTo(130);
    assertThat(rest).contains("interrupted; partial report in");

    Report partial = ReportStore.read(out.resolve("report.json"));
    assertThat(partial.run().interrupted()).isTrue();
    assertThat(partial.run().complete()).isFalse();
    String runId = partial.run().id();

    try (Engine engine = Engine.connect()) {
      // The engine ends the cancelled build's container shortly after the client goes away.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      List<String> leftovers;
      do {
        leftovers = EngineTestSupport.containersRunning(engine, "sleep 60");
        if (!leftovers.isEmpty()) {
          Thread.sleep(500);
        }
      } while (!leftovers.isEmpty() && System.nanoTime() < deadline);
      assertThat(leftovers).as("build containers of the interrupted run").isEmpty();
      assertThat(new EngineCleaner(engine).runs()).doesNotContainKey(runId);
    }
  }
}
