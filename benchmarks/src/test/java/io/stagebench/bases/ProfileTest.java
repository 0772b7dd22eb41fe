package io.stagebench.bases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import io.stagebench.fixture.TestHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {
  @Test
  void parsesNameEqualsImageLinesSkippingComments() throws Exception {
    Profile p = Profile.parse("offline", List.of("# bases", "", "A_IMAGE=x/y:1", "  B=z:2  "), "test");
    assertThat(p.buildArgs()).containsExactly(
        Map.entry("A_IMAGE", "x/y:1"), Map.entry("B", "z:2"));
  }

  @Test
  void rejectsMalformedLinesWithTheirLineNumber() {
    assertThatThrownBy(() -> Profile.parse("hub", List.of("OK=a", "not a line"), "fixtures/profiles/hub"))
        .isInstanceOf(StagebenchException.class)
        .hasMessage("fixtures/profiles/hub:2: expected NAME=IMAGE, got \"not a line\"");
    assertThatThrownBy(() -> Profile.parse("hub", List.of("1BAD=a"), "f")).hasMessageContaining("f:1");
    assertThatThrownBy(() -> Profile.parse("hub", List.of("EMPTY="), "f")).hasMessageContaining("f:1");
  }

  @Test
  void unknownProfileIsAUsageError() {
    assertThatThrownBy(() -> Profile.load(Path.of("."), "cloud"))
        .isInstanceOfSatisfying(StagebenchException.class,
            e -> assertThat(e.category()).isEqualTo(StagebenchException.Category.USAGE))
        .hasMessageContaining("auto, hub, offline");
  }

  @Test
  void theCheckoutsProfilesNameTheSameArgs() throws Exception {
    Path home = TestHome.locate();
    Profile hub = Profile.load(home, "hub");
    Profile offline = Profile.load(home, "offline");
    assertThat(hub.buildArgs().keySet()).containsExactlyInAnyOrderElementsOf(offline.buildArgs().keySet());
    assertThat(offline.buildArgs().values()).allMatch(img -> img.startsWith("stagebench/"));
    assertThat(hub.buildArgs().values()).noneMatch(img -> img.startsWith("stagebench/"));
  }
}
