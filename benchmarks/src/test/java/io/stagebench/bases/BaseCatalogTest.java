package io.stagebench.bases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import io.stagebench.fixture.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseCatalogTest {
  @TempDir Path home;

  @Test
  void theCheckoutsCatalogIsConsistentAndCoversTheOfflineProfile() throws Exception {
    Path repo = TestHome.locate();
    BaseCatalog c = BaseCatalog.load(repo);
    assertThat(c.bases().get(0).isRootfs()).isTrue();
    for (String image : Profile.load(repo, "offline").buildArgs().values()) {
      assertThat(c.byImage(image)).as("offline image %s has a base definition", image).isPresent();
    }
  }

  @Test
  void closureAddsWhatABaseComesAfterInBuildOrder() throws Exception {
    write("""
        {"bases":[
          {"name":"root","image":"s/root:1","rootfs":"mk"},
          {"name":"mid","image":"s/mid:1","dir":"mid","after":["root"]},
          {"name":"other","image":"s/other:1","dir":"other","after":["root"]},
          {"name":"leaf","image":"s/leaf:1","dir":"leaf","after":["mid"]}]}""");
    BaseCatalog c = BaseCatalog.load(home);
    assertThat(c.closure(Set.of("leaf"))).extracting(BaseCatalog.Base::name).containsExactly("root", "mid", "leaf");
  }

  @Test
  void digestChangesWithTheDefinition() throws Exception {
    write("{\"bases\":[{\"name\":\"root\",\"image\":\"s/root:1\",\"rootfs\":\"mk\"},"
        + "{\"name\":\"mid\",\"image\":\"s/mid:1\",\"dir\":\"mid\",\"after\":[\"root\"]}]}");
    BaseCatalog c = BaseCatalog.load(home);
    BaseCatalog.Base mid = c.byName("mid").orElseThrow();
    String before = c.definitionDigest(mid);
    assertThat(c.definitionDigest(mid)).isEqualTo(before);
    Files.writeString(home.resolve("fixtures/bases/mid/Dockerfile"), "FROM s/root:1\nRUN true\n");
    assertThat(c.definitionDigest(mid)).isNotEqualTo(before);
  }

  @Test
  void rejectsAnOrderingMistakeAndMissingFiles() throws Exception {
    write("{\"bases\":[{\"name\":\"mid\",\"image\":\"s/mid:1\",\"dir\":\"mid\",\"after\":[\"root\"]},"
        + "{\"name\":\"root\",\"image\":\"s/root:1\",\"rootfs\":\"mk\"}]}");
    assertThatThrownBy(() -> BaseCatalog.load(home))
        .isInstanceOf(StagebenchException.class)
        .hasMessageContaining("base \"mid\" comes after \"root\", which is not listed before it");
    write("{\"bases\":[{\"name\":\"x\",\"image\":\"s/x:1\",\"dir\":\"nowhere\"}]}");
    assertThatThrownBy(() -> BaseCatalog.load(home)).hasMessageContaining("fixtures/bases/nowhere/Dockerfile is missing");
    Files.writeString(home.resolve("fixtures/bases/bases.json"), "{oops");
    assertThatThrownBy(() -> BaseCatalog.load(home)).hasMessageStartingWith("cannot read fixtures/bases/bases.json");
  }

  private void write(String json) throws Exception {
    Path bases = home.resolve("fixtures/bases");
    for (String d : new String[] {"mid", "other", "leaf"}) {
      Files.createDirectories(bases.resolve(d));
      Files.writeString(bases.resolve(d).resolve("Dockerfile"), "FROM s/root:1\n");
    }
    Files.writeString(bases.resolve("mk"), "#!/bin/sh\n");
    Files.writeString(bases.resolve("bases.json"), json);
  }
}
