package io.stagebench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ad hoc fixtures from options, and the --fixtures-dir selection rules (no engine). */
class AdHocFixtureTest {
  @TempDir Path tmp;

  private Path project() throws Exception {
    Path p = Files.createDirectories(tmp.resolve("Web App"));
    Files.writeString(p.resolve("go.mod"), "module x\n");
    Files.writeString(p.resolve("main.go"), "package main\n");
    Files.writeString(p.resolve("Dockerfile"), "FROM golang AS build\nCOPY go.mod .\nCOPY . .\nFROM scratch AS runtime\n");
    Files.writeString(p.resolve("Dockerfile.cache"), "FROM golang\nRUN --mount=type=cache,target=/x true\n");
    return p;
  }

  @Test
  void variantsTargetsEditsAndBuildArgsComeFromTheOptions() throws Exception {
    Path p = project();
    Fixture f = AdHocFixture.of(p, List.of("single=Dockerfile:build", "multi=Dockerfile", "cache=Dockerfile.cache"),
        Optional.of(Path.of("main.go")), Optional.of(p.resolve("go.mod")), Map.of("K", "V"));
    assertThat(f.name()).isEqualTo("web-app");
    assertThat(f.variants()).extracting(Fixture.Variant::name).containsExactly("single", "multi", "cache");
    assertThat(f.variant("single").orElseThrow().target()).contains("build");
    assertThat(f.variant("multi").orElseThrow().target()).isEmpty();
    assertThat(f.variant("cache").orElseThrow().builders()).containsExactly("buildkit");
    assertThat(f.variant("multi").orElseThrow().buildArgs()).containsEntry("K", "V");
    assertThat(f.smoke().http()).isEmpty();
    assertThat(f.smoke().command()).isEmpty();
    Path copy = tmp.resolve("copy");
    Edits.copyTree(p, copy);
    Edits.apply(copy, f.sourceEdit().orElseThrow(), "t1");
    Edits.apply(copy, f.depsEdit().orElseThrow(), "t2");
    assertThat(Files.readString(copy.resolve("main.go"))).endsWith("// stagebench source edit t1\n");
    assertThat(Files.readString(copy.resolve("go.mod"))).endsWith("// stagebench deps edit t2\n");
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    Path p = project();
    Files.writeString(tmp.resolve("outside.go"), "package x\n");
    assertUsage(() -> AdHocFixture.of(p, List.of("single=Dockerfile"), Optional.of(Path.of("../outside.go")), Optional.empty(), Map.of()),
        "--source-edit ../outside.go is outside the context");
    assertUsage(() -> AdHocFixture.of(p, List.of("single=Dockerfile"), Optional.empty(), Optional.of(tmp.resolve("outside.go")), Map.of()),
        "is outside the context");
    assertUsage(() -> AdHocFixture.of(p, List.of("single=Dockerfile"), Optional.of(Path.of("nope.go")), Optional.empty(), Map.of()),
        "does not exist in the context");
    assertUsage(() -> AdHocFixture.of(p, List.of("single=Dockerfile:nostage"), Optional.empty(), Optional.empty(), Map.of()),
        "has no stage \"nostage\"");
    assertUsage(() -> AdHocFixture.of(p, List.of("Single=Dockerfile"), Optional.empty(), Optional.empty(), Map.of()), "lower case");
    assertUsage(() -> AdHocFixture.of(p, List.of("single"), Optional.empty(), Optional.empty(), Map.of()), "NAME=DOCKERFILE");
    assertUsage(() -> AdHocFixture.of(p, List.of(), Optional.empty(), Optional.empty(), Map.of()), "at least one --variant");
    assertUsage(() -> AdHocFixture.of(p, List.of("a=../x/Dockerfile"), Optional.empty(), Optional.empty(), Map.of()), "outside the context");
  }

  @Test
  void externalFixturesAreTheDefaultSelectionAndMayNotClash() throws Exception {
    Path home = TestHome.locate();
    List<Fixture> bundled = FixtureLoader.loadAll(home.resolve("fixtures"));
    Path mine = tmp.resolve("mine");
    Edits.copyTree(home.resolve("fixtures/go-static"), mine);
    Files.writeString(mine.resolve("fixture.json"), Files.readString(mine.resolve("fixture.json"))
        .replace("\"name\": \"go-static\"", "\"name\": \"mine\""));
    // A fixture directory itself, or a directory of them.
    List<Fixture> ext = FixtureLoader.loadExternal(List.of(mine));
    assertThat(FixtureLoader.loadExternal(List.of(tmp))).extracting(Fixture::name).containsExactly("mine");
    assertThat(FixtureLoader.select(bundled, ext, List.of())).extracting(Fixture::name).containsExactly("mine");
    assertThat(FixtureLoader.select(bundled, ext, List.of("go-static", "mine"))).extracting(Fixture::name)
        .containsExactly("go-static", "mine");
    assertThat(FixtureLoader.select(bundled, List.of(), List.of())).hasSameSizeAs(bundled);
    List<Fixture> clash = FixtureLoader.loadExternal(List.of(home.resolve("fixtures/go-static")));
    assertUsage(() -> FixtureLoader.select(bundled, clash, List.of()), "has the name of a bundled fixture");
    assertUsage(() -> FixtureLoader.select(bundled, List.of(ext.get(0), ext.get(0)), List.of()), "two --fixtures-dir fixtures");
    assertUsage(() -> FixtureLoader.loadExternal(List.of(Files.createDirectories(tmp.resolve("none")))), "holds no fixture.json");
  }

  interface Call {
    Object run() throws Exception;
  }

  private static void assertUsage(Call c, String fragment) {
    assertThatThrownBy(c::run).isInstanceOfSatisfying(StagebenchException.class, e -> {
      assertThat(e.category()).isEqualTo(StagebenchException.Category.USAGE);
      assertThat(e.getMessage()).contains(fragment).doesNotContain("\n");
    });
  }
}
