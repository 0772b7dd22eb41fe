package io.stagebench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureLoaderTest {
  @TempDir Path fixtures;

  static final String GOOD = """
      {
        "schemaVersion": 1,
        "name": "demo",
        "description": "a demo",
        "language": "go",
        "variants": [
          {"name": "single", "dockerfile": "Dockerfile.single", "pattern": "single-stage", "builders": ["classic", "buildkit"]},
          {"name": "multi-cache", "dockerfile": "Dockerfile.multi", "pattern": "cache mounts", "target": "runtime",
           "buildArgs": {"MODE": "prod"}, "builders": ["buildkit"], "production": true},
          {"name": "target-development", "dockerfile": "Dockerfile.multi", "pattern": "dev", "target": "dev",
           "builders": ["classic"], "production": false}
        ],
        "edits": {
          "source": {"file": "main.go", "append": "\\n// edit {{value}}\\n"},
          "deps": {"file": "go.mod", "replace": {"find": "go 1.19", "with": "go 1.19 // {{value}}"}}
        },
        "smoke": {"http": {"port": 8080, "path": "/health", "expectStatus": 200, "expectBodyContains": "ok"}, "timeoutSeconds": 30}
      }
      """;

  Path demo(String json) throws Exception {
    Path d = fixtures.resolve("demo");
    Files.createDirectories(d);
    Files.writeString(d.resolve("Dockerfile.single"), "FROM x\n");
    Files.writeString(d.resolve("Dockerfile.multi"), "FROM x AS dev\nFROM x AS runtime\n");
    Files.writeString(d.resolve("main.go"), "package main\n");
    Files.writeString(d.resolve("go.mod"), "module demo\n\ngo 1.19\n");
    Files.writeString(d.resolve("fixture.json"), json);
    return d;
  }

  @Test
  void readsAWellFormedManifest() throws Exception {
    Fixture f = FixtureLoader.load(demo(GOOD));
    assertThat(f.name()).isEqualTo("demo");
    assertThat(f.variants()).extracting(Fixture.Variant::name).containsExactly("single", "multi-cache", "target-development");
    Fixture.Variant cache = f.variant("multi-cache").orElseThrow();
    assertThat(cache.target()).contains("runtime");
    assertThat(cache.buildArgs()).containsEntry("MODE", "prod");
    assertThat(cache.supports("classic")).isFalse();
    assertThat(f.variant("target-development").orElseThrow().production()).isFalse();
    assertThat(f.variant("single").orElseThrow().production()).isTrue();
    assertThat(f.smoke().http().orElseThrow().port()).isEqualTo(8080);
    assertThat(f.smoke().timeoutSeconds()).isEqualTo(30);
  }

  @Test
  void editsApplyToACopyAndChangeTheFileEveryTime() throws Exception {
    Fixture f = FixtureLoader.load(demo(GOOD));
    Path copy = fixtures.resolve("copy");
    Edits.copyTree(f.dir(), copy);
    Edits.apply(copy, f.depsEdit().orElseThrow(), "v1");
    assertThat(Files.readString(copy.resolve("go.mod"))).isEqualTo("module demo\n\ngo 1.19 // v1\n");
    Edits.apply(copy, f.sourceEdit().orElseThrow(), "v2");
    Edits.apply(copy, f.sourceEdit().orElseThrow(), "v3");
    assertThat(Files.readString(copy.resolve("main.go"))).isEqualTo("package main\n\n// edit v2\n\n// edit v3\n");
    assertThat(Files.readString(f.dir().resolve("go.mod"))).as("the original is untouched").isEqualTo("module demo\n\ngo 1.19\n");
    assertThat(Files.getLastModifiedTime(copy.resolve("Dockerfile.single")).toMillis())
        .isEqualTo(Files.getLastModifiedTime(f.dir().resolve("Dockerfile.single")).toMillis());
  }

  @Test
  void eachMistakeIsNamedWithFileAndField() throws Exception {
    assertFails(GOOD.replace("\"name\": \"demo\"", "\"name\": \"other\""), "demo/fixture.json: name is \"other\" but the directory is \"demo\"");
    assertFails(GOOD.replace("Dockerfile.single", "Dockerfile.nope"), "variants[0].dockerfile Dockerfile.nope does not exist");
    assertFails(GOOD.replace("\"name\": \"single\"", "\"name\": \"base\""), "needs a variant named \"single\"");
    assertFails(GOOD.replace("[\"buildkit\"]", "[\"kaniko\"]"), "unknown builder \"kaniko\"");
    assertFails(GOOD.replace("go 1.19\", \"with\"", "go 1.20\", \"with\""), "\"go 1.20\" does not occur in go.mod");
    assertFails(GOOD.replace("// edit {{value}}", "// edit"), "must contain {{value}}");
    assertFails(GOOD.replace("\"port\": 8080", "\"port\": 0"), "smoke.http.port must be a port number");
    assertFails(GOOD.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"), "schemaVersion must be 1");
    assertFails(GOOD.replace("\"language\"", "\"lang\""), "lang unknown field");
    assertFails(GOOD.replace("\"name\": \"multi-cache\"", "\"name\": \"single\""), "\"single\" is used twice");
    assertFails("{\"schemaVersion\": 1,", "not valid JSON");
  }

  @Test
  void selectRejectsUnknownNamesAsUsage() throws Exception {
    demo(GOOD);
    assertThat(FixtureLoader.select(fixtures, List.of())).hasSize(1);
    assertThatThrownBy(() -> FixtureLoader.select(fixtures, List.of("nope")))
        .isInstanceOfSatisfying(StagebenchException.class,
            e -> assertThat(e.category()).isEqualTo(StagebenchException.Category.USAGE))
        .hasMessage("unknown fixture \"nope\"; known: demo");
  }

  private void assertFails(String json, String message) throws Exception {
    Path d = demo(json);
    assertThatThrownBy(() -> FixtureLoader.load(d)).isInstanceOf(FixtureException.class)
        .hasMessageContaining(message).hasMessageNotContaining("\n");
  }
}
