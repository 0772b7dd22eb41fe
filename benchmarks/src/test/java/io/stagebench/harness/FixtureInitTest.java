package io.stagebench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagebench.StagebenchException;
import io.stagebench.dockerfile.Dockerfile;
import io.stagebench.dockerfile.DockerfileParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FixtureInit} on the bundled fixtures (manifest removed) and on small made-up projects. */
class FixtureInitTest {
  @TempDir Path tmp;

  @Test
  void guessesEveryBundledFixtureBackFromItsFiles() throws Exception {
    Path home = TestHome.locate();
    List<Fixture> originals = FixtureLoader.loadAll(home.resolve("fixtures"));
    assertThat(originals).hasSizeGreaterThanOrEqualTo(6);
    for (Fixture original : originals) {
      Path copy = tmp.resolve(original.name());
      Edits.copyTree(original.dir(), copy);
      Files.delete(copy.resolve("fixture.json"));

      FixtureInit.Result r = FixtureInit.guess(copy);
      write(copy, r);
      Fixture guessed = FixtureLoader.load(copy);

      // The same builds (Dockerfile, stage built, builders); the names are init's own guesses.
      assertThat(effective(guessed).values()).as(original.name() + " variants")
          .containsExactlyInAnyOrderElementsOf(effective(original).values());
      assertThat(guessed.language()).isEqualTo(original.language());
      assertThat(guessed.smoke().http()).as(original.name() + " smoke").isPresent();
      assertThat(guessed.smoke().http().get().port()).isEqualTo(original.smoke().http().orElseThrow().port());
      // Both edits are found, on the files the Dockerfiles copy early (manifest) and late (source).
      assertThat(guessed.depsEdit()).as(original.name() + " deps edit").isPresent();
      assertThat(guessed.depsEdit().get().file()).isEqualTo(original.depsEdit().orElseThrow().file());
      assertThat(guessed.sourceEdit()).as(original.name() + " source edit").isPresent();
      for (Fixture.Edit e : List.of(guessed.sourceEdit().get(), guessed.depsEdit().get())) {
        String before = Files.readString(copy.resolve(e.file()));
        Edits.apply(copy, e, "v1");
        assertThat(Files.readString(copy.resolve(e.file()))).isNotEqualTo(before).contains("v1");
      }
    }
  }

  /** Variant name -> "dockerfile@stage index built", so a null target equals naming the last stage. */
  private static Map<String, String> effective(Fixture f) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (Fixture.Variant v : f.variants()) {
      Dockerfile d = DockerfileParser.parse(f.dir().resolve(v.dockerfile()));
      int index = v.target().map(t -> d.stage(t).orElseThrow().index()).orElse(d.finalStage().index());
      out.put(v.name(), v.dockerfile() + "@" + index + " " + v.builders());
    }
    return out;
  }

  private static void write(Path dir, FixtureInit.Result r) throws Exception {
    Files.writeString(dir.resolve("fixture.json"), new ObjectMapper().writeValueAsString(r.manifest()));
  }

  @Test
  void nodeProjectWithUserTargetsGetsVariantsEditsAndAHealthcheckSmoke() throws Exception {
    Path p = Files.createDirectories(tmp.resolve("My App"));
    Files.writeString(p.resolve("package.json"), "{\n  \"name\": \"x\",\n  \"version\": \"1.0.0\"\n}\n");
    Files.writeString(p.resolve("package-lock.json"), "{}\n");
    Files.createDirectories(p.resolve("src"));
    Files.writeString(p.resolve("src/server.js"), "console.log('hi')\n");
    Files.writeString(p.resolve("src/server.test.js"), "\n");
    Files.writeString(p.resolve("README.md"), "x\n");
    Files.createDirectories(p.resolve("node_modules/dep"));
    Files.writeString(p.resolve("node_modules/dep/Dockerfile"), "FROM x\n");
    Files.writeString(p.resolve(".dockerignore"), "node_modules\n*.md\n");
    Files.writeString(p.resolve("Dockerfile"), String.join("\n",
        "ARG NODE_IMAGE=node:18-bookworm",
        "FROM ${NODE_IMAGE} AS deps",
        "WORKDIR /app",
        "COPY package*.json ./",
        "RUN --mount=type=cache,target=/root/.npm npm ci",
        "FROM deps AS development",
        "COPY . .",
        "CMD [\"node\", \"src/server.js\"]",
        "FROM deps AS production",
        "COPY src/ src/",
        "EXPOSE 3000",
        "HEALTHCHECK CMD curl -f http://localhost:3000/healthz || exit 1",
        "CMD [\"node\", \"src/server.js\"]", ""));

    FixtureInit.Result r = FixtureInit.guess(p);
    Map<String, Object> m = r.manifest();
    assertThat(m.get("name")).isEqualTo("my-app");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> variants = (List<Map<String, Object>>) m.get("variants");
    assertThat(variants).extracting(v -> v.get("name")).containsExactly("single", "single-development");
    assertThat(variants.get(1).get("target")).isEqualTo("development");
    assertThat(variants.get(1).get("production")).isEqualTo(false);
    assertThat(variants.get(0).get("builders")).isEqualTo(List.of("buildkit"));
    assertThat(r.guesses()).anyMatch(g -> g.contains("ARG NODE_IMAGE") && g.contains("node:18-bookworm"));

    Path named = tmp.resolve("my-app");
    Edits.copyTree(p, named);
    write(named, r);
    Fixture f = FixtureLoader.load(named);
    assertThat(f.sourceEdit().orElseThrow().file()).isEqualTo("src/server.js");
    assertThat(f.depsEdit().orElseThrow().file()).isEqualTo("package.json");
    Edits.apply(named, f.depsEdit().get(), "v7");
    Map<?, ?> pkg = new ObjectMapper().readValue(named.resolve("package.json").toFile(), Map.class);
    assertThat(pkg.get("description")).isEqualTo("stagebench deps edit v7");
    assertThat(pkg.get("name")).isEqualTo("x");
    assertThat(f.smoke().http().orElseThrow().path()).isEqualTo("/healthz");
    assertThat(f.smoke().http().get().port()).isEqualTo(3000);
  }

  @Test
  void withoutExposeTheSmokeRunsTheImageAndManifestEditsStayValid() throws Exception {
    Path p = Files.createDirectories(tmp.resolve("tool"));
    Files.writeString(p.resolve("requirements.txt"), "\n");
    Files.writeString(p.resolve("main.py"), "print('ok')\n");
    Files.writeString(p.resolve("tool.Dockerfile"), "FROM python:3.11\nCOPY requirements.txt .\nCOPY main.py .\nCMD [\"python\", \"main.py\"]\n");
    FixtureInit.Result r = FixtureInit.guess(p);
    write(p, r);
    Fixture f = FixtureLoader.load(p);
    assertThat(f.variants()).extracting(Fixture.Variant::name).containsExactly("single");
    assertThat(f.variants().get(0).dockerfile()).isEqualTo("tool.Dockerfile");
    assertThat(f.smoke().command().orElseThrow().expectOutputContains()).isEmpty();
    assertThat(f.depsEdit().orElseThrow().append().orElseThrow()).startsWith("\n# ");
    assertThat(f.sourceEdit().orElseThrow().file()).isEqualTo("main.py");
    assertThat(r.confirm()).anyMatch(c -> c.startsWith("smoke:"));
  }

  @Test
  void aDirectoryWithoutDockerfileIsAUsageError() throws Exception {
    Path p = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(p.resolve("go.mod"), "module x\n");
    assertThatThrownBy(() -> FixtureInit.guess(p)).isInstanceOfSatisfying(StagebenchException.class, e -> {
      assertThat(e.category()).isEqualTo(StagebenchException.Category.USAGE);
      assertThat(e.getMessage()).startsWith("no Dockerfile in").doesNotContain("\n");
    });
  }

  @Test
  void aDockerfileThatDoesNotParseIsAUsageErrorNamingTheLine() throws Exception {
    Path p = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(p.resolve("Dockerfile"), "FROM debian\nRUN <<EOF\necho never terminated\n");
    assertThatThrownBy(() -> FixtureInit.guess(p)).isInstanceOfSatisfying(StagebenchException.class, e -> {
      assertThat(e.category()).isEqualTo(StagebenchException.Category.USAGE);
      assertThat(e.getMessage()).startsWith("Dockerfile does not parse: line ").doesNotContain("\n");
    });
  }

  @Test
  void namesAndPathRules() {
    assertThat(FixtureInit.baseName("Dockerfile.multi-cache")).isEqualTo("multi-cache");
    assertThat(FixtureInit.baseName("prod.Dockerfile")).isEqualTo("prod");
    assertThat(FixtureInit.baseName("services/api/Dockerfile")).isEqualTo("api");
    assertThat(FixtureInit.isDockerfile("Dockerfile.dockerignore")).isFalse();
    assertThat(FixtureInit.isDockerfile("a/x.Dockerfile")).isTrue();
    assertThat(FixtureInit.covers("package*.json", "package-lock.json")).isTrue();
    assertThat(FixtureInit.covers("src", "srcx/a.go")).isFalse();
    assertThat(FixtureInit.ignored(List.of("*.md", "!KEEP.md"), "KEEP.md")).isFalse();
    assertThat(FixtureInit.ignored(List.of("**/*.log"), "a/b/c.log")).isTrue();
  }
}
