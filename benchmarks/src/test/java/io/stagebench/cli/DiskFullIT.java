package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.Engine;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's disk fills: a second engine whose data root is a 400 MB tmpfs, a fixture that
 * writes 600 MB. The build fails with a message that says the disk is full, where and how much is
 * left; doctor refuses that engine before a run. Needs root (mount, dockerd), as the CI machine has.
 */
class DiskFullIT {
  static final Path ROOT = Path.of("/tmp/stagebench-diskfull-" + ProcessHandle.current().pid());
  static final String SOCK = "unix://" + ROOT.resolve("docker.sock");
  static final String BRIDGE = "sbdiskfull0";
  static Process dockerd;

  @BeforeAll
  static void smallEngine() throws Exception {
    Files.createDirectories(ROOT.resolve("data"));
    Files.createDirectories(ROOT.resolve("exec"));
    run("mount", "-t", "tmpfs", "-o", "size=400m", "tmpfs", ROOT.resolve("data").toString());
    // Its own bridge: with --bridge=none dockerd deletes docker0, the machine engine's bridge.
    new ProcessBuilder("ip", "link", "delete", BRIDGE).start().waitFor();
    run("ip", "link", "add", BRIDGE, "type", "bridge");
    run("ip", "addr", "add", "172.31.254.1/24", "dev", BRIDGE);
    run("ip", "link", "set", BRIDGE, "up");
    dockerd = new ProcessBuilder("dockerd", "--data-root", ROOT.resolve("data").toString(),
        "--exec-root", ROOT.resolve("exec").toString(), "--host", SOCK, "--pidfile", ROOT.resolve("docker.pid").toString(),
        "--bridge=" + BRIDGE, "--iptables=false", "--ip-masq=false")
        .redirectErrorStream(true).redirectOutput(ROOT.resolve("dockerd.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(ROOT.resolve("docker.sock")) && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertThat(ROOT.resolve("docker.sock")).as(Files.readString(ROOT.resolve("dockerd.log"))).exists();
    // The base image comes from the machine's engine: no registry is needed.
    try (Engine main = Engine.connect(); InputStream tar = main.images().save("stagebench/debian:bookworm-minbase")) {
      Process load = new ProcessBuilder("docker", "-H", SOCK, "load").redirectErrorStream(true).start();
      tar.transferTo(load.getOutputStream());
      load.getOutputStream().close();
      String out = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(load.waitFor()).as(out).isZero();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (dockerd != null) {
      dockerd.destroy();
      dockerd.waitFor(60, TimeUnit.SECONDS);
    }
    new ProcessBuilder("umount", ROOT.resolve("data").toString()).start().waitFor();
    new ProcessBuilder("ip", "link", "delete", BRIDGE).start().waitFor();
    new ProcessBuilder("rm", "-rf", ROOT.toString()).start().waitFor();
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
  }

  @Test
  void aFullDiskIsNamedWithWhereAndHowMuchIsLeft(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("fixtures/bases"));
    Files.createDirectories(home.resolve("fixtures/profiles"));
    Files.writeString(home.resolve("fixtures/profiles/offline"), "BASE_IMAGE=stagebench/debian:bookworm-minbase\n");
    Path f = home.resolve("fixtures/fill");
    Files.createDirectories(f.resolve("src"));
    Files.writeString(f.resolve("src/app.sh"), "#!/bin/sh\necho hi\n");
    Files.writeString(f.resolve("Dockerfile.single"), String.join("\n",
        "ARG BASE_IMAGE=stagebench/debian:bookworm-minbase",
        "FROM ${BASE_IMAGE}",
        "COPY src/ /src/",
        "RUN head -c 600000000 /dev/zero > /big", ""));
    Files.writeString(f.resolve("fixture.json"), """
        {"schemaVersion": 1, "name": "fill", "description": "writes more than the disk holds", "language": "shell",
         "variants": [{"name": "single", "dockerfile": "Dockerfile.single", "pattern": "single-stage", "builders": ["classic"]}],
         "edits": {"source": {"file": "src/app.sh", "append": "# {{value}}\\n"}},
         "smoke": {"command": {"args": [], "expectOutputContains": "hi"}}}
        """);

    ProcessBuilder doctor = SlowFixture.stagebench(home, "doctor");
    doctor.environment().put("DOCKER_HOST", SOCK);
    Process d = doctor.start();
    String doc = new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(d.waitFor()).as(doc).isEqualTo(3);
    assertThat(doc).containsPattern("fail\\s+disk\\s+.* free under " + ROOT.resolve("data"));

    Path out = home.resolve("out");
    ProcessBuilder bench = SlowFixture.stagebench(home, "bench", "--fixtures", "fill", "--builder", "classic",
        "--profile", "offline", "--scenarios", "cold", "--no-report", "--out", out.toString());
    bench.environment().put("DOCKER_HOST", SOCK);
    Process b = bench.start();
    String log = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(b.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(b.exitValue()).as(log).isEqualTo(4);
    Report r = ReportStore.read(out.resolve("report.json"));
    assertThat(r.failures()).hasSize(1);
    assertThat(r.failures().get(0).message())
        .contains("the engine's disk is full", "free under " + ROOT.resolve("data"), "stagebench clean");
    assertThat(log).contains("the engine's disk is full");
  }
}
