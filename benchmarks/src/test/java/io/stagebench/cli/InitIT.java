package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.EngineTestSupport.ListedImage;
import io.stagebench.engine.EngineTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own project, against the real engine: {@code init} writes its manifest, {@code fixtures
 * check --fixtures-dir} builds it and passes the guessed smoke check, and ad hoc {@code bench
 * --context} measures it without a manifest.
 */
class InitIT {
  @TempDir Path tmp;

  /** Every layer the project's builds leave (they carry the test label; the run label only marks final images). */
  @AfterAll
  static void removeTheTestsImages() throws Exception {
    try (Engine engine = Engine.connect()) {
      for (int pass = 0; pass < 5; pass++) {
        List<ListedImage> left = EngineTestSupport.imagesLabelled(engine, "io.stagebench.test", "init-it");
        if (left.isEmpty()) {
          return;
        }
        for (ListedImage i : left.stream().sorted(Comparator.comparingLong((ListedImage i) -> -i.created())).toList()) {
          try {
            engine.images().remove(i.id(), true, true);
          } catch (EngineException inUse) {
            // a child is removed first; the next pass gets it
          }
        }
      }
    }
  }

  record Run(int code, String out, String err) {}

  /** The packaged jar, output to files (bench's progress on stderr must not block the pipe). */
  Run stagebench(String... args) throws IOException, InterruptedException {
    Path jar = Path.of("target", "stagebench.jar").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = new ProcessBuilder(cmd).directory(Path.of("..").toAbsolutePath().normalize().toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroy();
      throw new AssertionError("stagebench " + String.join(" ", args) + " did not finish in 600 s");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** A small HTTP service on the minbase image (perl-base has sockets): one- and multi-stage Dockerfiles. */
  static Path project(Path parent, String name) throws IOException {
    Path p = Files.createDirectories(parent.resolve(name));
    Files.writeString(p.resolve("server.pl"), String.join("\n",
        "use strict;",
        "use IO::Socket::INET;",
        "my $s = IO::Socket::INET->new(LocalAddr => '0.0.0.0', LocalPort => 8080, Listen => 5, ReuseAddr => 1) or die \"listen: $!\";",
        "while (my $c = $s->accept) {",
        "  while (my $h = <$c>) { last if $h =~ /^\\r?\\n$/; }",
        "  print $c \"HTTP/1.0 200 OK\\r\\nContent-Length: 3\\r\\n\\r\\nok\\n\";",
        "  close $c;",
        "}", ""));
    Files.writeString(p.resolve("requirements.txt"), "greeting==1.0\n");
    Files.writeString(p.resolve("Dockerfile.single"), String.join("\n",
        "FROM stagebench/debian:bookworm-minbase",
        "LABEL io.stagebench.test=init-it",
        "WORKDIR /app",
        "COPY . .",
        "RUN wc -l requirements.txt > deps.count",
        "EXPOSE 8080",
        "CMD [\"perl\", \"/app/server.pl\"]", ""));
    Files.writeString(p.resolve("Dockerfile.multi"), String.join("\n",
        "ARG BASE_IMAGE=stagebench/debian:bookworm-minbase",
        "FROM ${BASE_IMAGE} AS deps",
        "LABEL io.stagebench.test=init-it",
        "WORKDIR /build",
        "COPY requirements.txt ./",
        "RUN sort requirements.txt > deps.lock",
        "FROM ${BASE_IMAGE} AS runtime",
        "LABEL io.stagebench.test=init-it",
        "WORKDIR /app",
        "COPY --from=deps /build/deps.lock ./",
        "COPY server.pl ./",
        "EXPOSE 8080",
        "CMD [\"perl\", \"/app/server.pl\"]", ""));
    return p;
  }

  @Test
  void initThenFixturesCheckBuildsTheProjectAndPassesTheGuessedSmoke() throws Exception {
    Path p = project(tmp, "sbdev-init-web");
    Run init = stagebench("init", p.toString());
    assertThat(init.code()).as(init.out() + init.err()).isZero();
    assertThat(init.out()).contains("wrote ", "variant single: Dockerfile.single", "variant multi: Dockerfile.multi",
        "dependency edit: requirements.txt", "source edit: server.pl", "smoke: GET / on port 8080", "confirm");

    Run again = stagebench("init", p.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err().strip()).endsWith("fixture.json exists; use --force to overwrite it").doesNotContain("\n");
    assertThat(stagebench("init", "--force", p.toString()).code()).isZero();

    Run list = stagebench("fixtures", "list", "--fixtures-dir", tmp.toString());
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("sbdev-init-web").doesNotContain("go-static");

    Run check = stagebench("fixtures", "check", "--fixtures-dir", p.toString(), "--builder", "classic");
    assertThat(check.code()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).containsPattern("sbdev-init-web +single +classic .*pass \\(")
        .containsPattern("sbdev-init-web +multi +classic .*pass \\(");
  }

  @Test
  void adHocBenchMeasuresColdAndWarmAndSkipsScenariosWithoutAnEdit() throws Exception {
    Path p = project(tmp, "sbdev-init-adhoc");
    Path out = tmp.resolve("report");
    Run r = stagebench("bench", "--context", p.toString(), "--variant", "single=Dockerfile.single",
        "--variant", "multi=Dockerfile.multi:runtime", "--source-edit", p.resolve("server.pl").toString(),
        "--scenarios", "cold,warm,deps-edit", "--reps", "1", "--out", out.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    String text = Files.readString(out.resolve("report.json"));
    assertThat(text).doesNotContain(tmp.toString());
    JsonNode f = new ObjectMapper().readTree(text).path("fixtures").get(0);
    assertThat(f.path("name").asText()).isEqualTo("sbdev-init-adhoc");
    assertThat(f.path("path").asText()).isEqualTo("sbdev-init-adhoc");
    for (JsonNode v : f.path("variants")) {
      JsonNode build = v.path("builds").get(0);
      assertThat(build.path("status").asText()).as(v.toString()).isEqualTo("ok");
      assertThat(build.path("scenarios").path("cold").path("samples")).hasSize(1);
      assertThat(build.path("scenarios").path("warm").path("samples")).hasSize(1);
      assertThat(build.path("scenarios").path("deps-edit").path("skipped").asText()).contains("--deps-edit");
      assertThat(build.path("image").path("sizeBytes").asLong()).isGreaterThan(50_000_000L);
    }
    assertThat(f.path("variants").get(1).path("target").asText()).isEqualTo("runtime");
  }

  @Test
  void badInputsAreOneLineErrorsWithTheirExitCodes() throws Exception {
    Path p = project(tmp, "sbdev-init-bad");
    Run outside = stagebench("bench", "--context", p.toString(), "--variant", "single=Dockerfile.single",
        "--deps-edit", tmp.resolve("elsewhere.txt").toString());
    Files.writeString(tmp.resolve("elsewhere.txt"), "x\n");
    Run outside2 = stagebench("bench", "--context", p.toString(), "--variant", "single=Dockerfile.single",
        "--deps-edit", "../elsewhere.txt");
    for (Run r : List.of(outside, outside2)) {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err().strip()).startsWith("stagebench: --deps-edit ").doesNotContain("\n");
    }
    assertThat(outside2.err()).contains("is outside the context");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Run noDockerfile = stagebench("init", empty.toString());
    assertThat(noDockerfile.code()).isEqualTo(2);
    assertThat(noDockerfile.err().strip()).startsWith("stagebench: no Dockerfile in").doesNotContain("\n");

    Path broken = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(broken.resolve("Dockerfile"), "FROM debian\nRUN <<EOF\necho never terminated\n");
    Run parse = stagebench("init", broken.toString());
    assertThat(parse.code()).isEqualTo(2);
    assertThat(parse.err().strip()).startsWith("stagebench: Dockerfile does not parse: line").doesNotContain("\n");
    assertThat(broken.resolve("fixture.json")).doesNotExist();

    // A --fixtures-dir fixture may not take a bundled fixture's name.
    Path clash = project(tmp.resolve("other"), "python");
    assertThat(stagebench("init", clash.toString()).code()).isZero();
    Run clashing = stagebench("fixtures", "list", "--fixtures-dir", clash.toString());
    assertThat(clashing.code()).isEqualTo(2);
    assertThat(clashing.err().strip()).contains("has the name of a bundled fixture").doesNotContain("\n");

    Run mixed = stagebench("bench", "--variant", "single=Dockerfile.single");
    assertThat(mixed.code()).isEqualTo(2);
    assertThat(mixed.err().strip()).isEqualTo("stagebench: --variant, --source-edit, --deps-edit and --build-arg need --context DIR");
  }
}
