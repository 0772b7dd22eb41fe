package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build argument that looks secret reaches the build (the classic builder even writes it into
 * the image history, and a failing step prints it) but no output file of the run, nor the
 * console, repeats it.
 */
class SecretsIT {
  static final String SECRET = "plantedS3cretValue-7f3a91";

  @Test
  void aSecretBuildArgIsMaskedInEveryOutput(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("fixtures/bases"));
    Files.createDirectories(home.resolve("fixtures/profiles"));
    Files.writeString(home.resolve("fixtures/profiles/offline"), "BASE_IMAGE=stagebench/debian:bookworm-minbase\n");
    Path tiny = home.resolve("fixtures/tiny");
    Files.createDirectories(tiny.resolve("src"));
    Files.writeString(tiny.resolve("src/app.sh"), "#!/bin/sh\necho hello\n");
    Files.writeString(tiny.resolve(".dockerignore"), "fixture.json\n");
    Files.writeString(tiny.resolve("Dockerfile.single"), String.join("\n",
        "ARG BASE_IMAGE=stagebench/debian:bookworm-minbase",
        "FROM ${BASE_IMAGE}",
        "ARG DEPLOY_TOKEN",
        "RUN test -n \"$DEPLOY_TOKEN\" && echo configured > /configured",
        "COPY src/ /src/",
        "ENTRYPOINT [\"/bin/sh\", \"/src/app.sh\"]", ""));
    Files.writeString(tiny.resolve("Dockerfile.broken"), String.join("\n",
        "ARG BASE_IMAGE=stagebench/debian:bookworm-minbase",
        "FROM ${BASE_IMAGE}",
        "ARG DEPLOY_TOKEN",
        "RUN echo \"deploying with $DEPLOY_TOKEN\" && exit 3", ""));
    Files.writeString(tiny.resolve("fixture.json"), """
        {"schemaVersion": 1, "name": "tiny", "description": "a secret build arg", "language": "shell",
         "variants": [
           {"name": "single", "dockerfile": "Dockerfile.single", "pattern": "single-stage", "builders": ["classic"],
            "buildArgs": {"DEPLOY_TOKEN": "%s"}},
           {"name": "broken", "dockerfile": "Dockerfile.broken", "pattern": "fails on purpose", "builders": ["classic"],
            "buildArgs": {"DEPLOY_TOKEN": "%s"}, "production": false}],
         "edits": {"source": {"file": "src/app.sh", "append": "# {{value}}\\n"}},
         "smoke": {"command": {"args": [], "expectOutputContains": "hello"}}}
        """.formatted(SECRET, SECRET));
    Path out = home.resolve("out");
    Process p = SlowFixture.stagebench(home,
        "bench", "--fixtures", "tiny", "--builder", "classic", "--profile", "offline", "--scenarios", "cold,warm", "--reps", "1",
        "--out", out.toString()).start();
    String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(console).isEqualTo(4);

    List<Path> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    String all = console;
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      assertThat(text).as(f.toString()).doesNotContain(SECRET);
      all += text;
    }
    assertThat(console).doesNotContain(SECRET);
    // The value was there to leak: the broken step's log tail and the history show the mask instead.
    assertThat(all).contains("deploying with ****");
  }
}
