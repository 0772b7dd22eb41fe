package io.stagebench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small fixture written by tests into a temporary directory: a shell "program" built in a
 * builder stage (with build residue) and copied into a slimmer runtime, plus a variant that
 * cannot build and one that needs BuildKit.
 */
final class TinyFixture {
  static final String BASE = "stagebench/debian:bookworm-minbase";
  static final String SLIM = "stagebench/debian:bookworm-slim";

  private TinyFixture() {}

  static Path write(Path fixturesDir) throws IOException {
    Path d = fixturesDir.resolve("tiny");
    Files.createDirectories(d.resolve("src"));
    Files.writeString(d.resolve("deps.txt"), "dep-a 1.0\ndep-b 2.0\n");
    Files.writeString(d.resolve("src/app.sh"), "#!/bin/sh\necho \"hello from tiny $*\"\n");
    Files.writeString(d.resolve(".dockerignore"), "fixture.json\n*.md\n");
    Files.writeString(d.resolve("README.md"), "not sent\n");
    Files.writeString(d.resolve("Dockerfile.single"), String.join("\n",
        "ARG BASE_IMAGE=" + BASE,
        "FROM ${BASE_IMAGE}",
        "WORKDIR /app",
        "COPY deps.txt .",
        "RUN cp deps.txt /deps.installed && head -c 3000000 /dev/urandom > /residue.bin",
        "COPY src/ src/",
        "RUN install -m 755 src/app.sh /usr/local/bin/app",
        "ENTRYPOINT [\"/usr/local/bin/app\"]",
        ""));
    Files.writeString(d.resolve("Dockerfile.multi"), String.join("\n",
        "ARG BASE_IMAGE=" + BASE,
        "ARG SLIM_IMAGE=" + SLIM,
        "FROM ${BASE_IMAGE} AS build",
        "WORKDIR /app",
        "COPY deps.txt .",
        "RUN cp deps.txt /deps.installed && head -c 3000000 /dev/urandom > /residue.bin",
        "COPY src/ src/",
        "RUN install -m 755 src/app.sh /out-app",
        "FROM ${SLIM_IMAGE} AS runtime",
        "COPY --from=build /out-app /usr/local/bin/app",
        "USER nobody",
        "ENTRYPOINT [\"/usr/local/bin/app\"]",
        ""));
    Files.writeString(d.resolve("Dockerfile.broken"), "ARG BASE_IMAGE=" + BASE + "\nFROM ${BASE_IMAGE}\nRUN echo tiny-broken && exit 3\n");
    Files.writeString(d.resolve("Dockerfile.cache"), String.join("\n",
        "ARG BASE_IMAGE=" + BASE,
        "FROM ${BASE_IMAGE}",
        "COPY src/ /src/",
        "RUN --mount=type=cache,target=/var/cache/tiny install -m 755 /src/app.sh /usr/local/bin/app",
        "ENTRYPOINT [\"/usr/local/bin/app\"]",
        ""));
    Files.writeString(d.resolve("Dockerfile.secret"), "ARG BASE_IMAGE=" + BASE + "\nFROM ${BASE_IMAGE}\n"
        + "RUN --mount=type=secret,id=token cat /run/secrets/token\n");
    Files.writeString(d.resolve("fixture.json"), """
        {
          "schemaVersion": 1,
          "name": "tiny",
          "description": "a shell script that greets",
          "language": "shell",
          "variants": [
            {"name": "single", "dockerfile": "Dockerfile.single", "pattern": "single-stage", "builders": ["classic", "buildkit"]},
            {"name": "multi", "dockerfile": "Dockerfile.multi", "pattern": "builder/runtime split", "target": "runtime", "builders": ["classic", "buildkit"]},
            {"name": "broken", "dockerfile": "Dockerfile.broken", "pattern": "fails on purpose", "builders": ["classic", "buildkit"]},
            {"name": "multi-cache", "dockerfile": "Dockerfile.cache", "pattern": "cache mount", "builders": ["buildkit"]},
            {"name": "secret", "dockerfile": "Dockerfile.secret", "pattern": "secret mount", "builders": ["classic", "buildkit"]}
          ],
          "edits": {
            "source": {"file": "src/app.sh", "append": "# edit {{value}}\\n"},
            "deps": {"file": "deps.txt", "append": "dep-{{value}} 1.0\\n"}
          },
          "smoke": {"command": {"args": ["smoke"], "expectOutputContains": "hello from tiny smoke"}, "timeoutSeconds": 30}
        }
        """);
    return d;
  }

  static Profile profile() {
    return new Profile("offline", java.util.Map.of("BASE_IMAGE", BASE, "SLIM_IMAGE", SLIM));
  }
}
