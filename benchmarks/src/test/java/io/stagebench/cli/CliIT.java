package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it, against the real engine. */
class CliIT {
  record Run(int code, String out, String err) {}

  static Run stagebench(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path jar = Path.of("target", "stagebench.jar").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(Path.of("..").toAbsolutePath().normalize().toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void doctorIsReadyWithBuildKitOnThisMachine() throws Exception {
    Run r = stagebench(Map.of(), "doctor");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("ok    builder buildkit", "ready to benchmark");
    Run json = stagebench(Map.of(), "doctor", "--json");
    assertThat(json.code()).isZero();
    assertThat(json.out()).contains("\"ready\" : true", "\"buildkit\"");
  }

  @Test
  void anEngineNobodyListensOnIsExitThreeInOneLine(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir);
    Run r = stagebench(Map.of("DOCKER_HOST", "unix://" + dir.resolve("nobody.sock")), "bases", "list");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err().strip()).startsWith("stagebench: no Docker engine answers at unix://").doesNotContain("\n").doesNotContain("Exception");
    Run doctor = stagebench(Map.of("DOCKER_HOST", "unix://" + dir.resolve("nobody.sock")), "doctor");
    assertThat(doctor.code()).isEqualTo(3);
    assertThat(doctor.out()).contains("fail  engine", "fix: scripts/docker-engine", "not ready");
  }

  @Test
  void basesListShowsEveryBasePresentAfterBasesBuild() throws Exception {
    Run r = stagebench(Map.of(), "bases", "list");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("debian-minbase", "debian-slim").doesNotContain("missing").doesNotContain("stale");
  }
}
