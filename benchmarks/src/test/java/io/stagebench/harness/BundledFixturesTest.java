package io.stagebench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bundled fixture's manifest is valid, its edits apply to a copy, and the original stays. */
class BundledFixturesTest {
  @TempDir Path tmp;

  @Test
  void everyManifestLoadsAndItsEditsChangeACopyOnly() throws Exception {
    Path home = TestHome.locate();
    List<Fixture> fixtures = FixtureLoader.loadAll(home.resolve("fixtures"));
    Profile offline = Profile.load(home, "offline");
    Profile hub = Profile.load(home, "hub");
    for (Fixture f : fixtures) {
      for (Fixture.Variant v : f.variants()) {
        Path df = f.dir().resolve(v.dockerfile());
        String text = Files.readString(df);
        for (String image : Profiles.imagesUsedBy(offline, df)) {
          assertThat(image).startsWith("stagebench/");
        }
        // Each base a Dockerfile uses comes from an ARG whose default is the hub image.
        hub.buildArgs().forEach((arg, image) -> {
          if (text.contains("${" + arg + "}") || text.contains("$" + arg)) {
            assertThat(text).as("%s declares ARG %s=%s", df, arg, image).contains("ARG " + arg + "=" + image);
          }
        });
        assertThat(Files.exists(f.dir().resolve(".dockerignore"))).as("%s has a .dockerignore", f.name()).isTrue();
      }
      for (Fixture.Edit e : List.of(f.sourceEdit(), f.depsEdit()).stream().flatMap(java.util.Optional::stream).toList()) {
        Path copy = tmp.resolve(f.name() + "-" + Math.abs(e.file().hashCode()));
        Edits.copyTree(f.dir(), copy);
        String original = Files.readString(f.dir().resolve(e.file()));
        Edits.apply(copy, e, "x1");
        String once = Files.readString(copy.resolve(e.file()));
        Edits.apply(copy, e, "x2");
        assertThat(once).as("%s edit of %s", f.name(), e.file()).isNotEqualTo(original);
        assertThat(Files.readString(copy.resolve(e.file()))).isNotEqualTo(once);
        assertThat(Files.readString(f.dir().resolve(e.file()))).isEqualTo(original);
      }
      assertThat(f.sourceEdit()).as("%s has a source edit", f.name()).isPresent();
      assertThat(f.depsEdit()).as("%s has a deps edit", f.name()).isPresent();
    }
  }
}
