package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiRulesTest {
  @Test
  void parsesSizesLikeDive() {
    assertThat(CiRules.parseBytes("1048576")).isEqualTo(1048576);
    assertThat(CiRules.parseBytes("20MB")).isEqualTo(20_000_000);
    assertThat(CiRules.parseBytes("20MiB")).isEqualTo(20L << 20);
    assertThat(CiRules.parseBytes("1.5 GB")).isEqualTo(1_500_000_000L);
    assertThatThrownBy(() -> CiRules.parseBytes("lots")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void readsTheRulesOfADiveCiFile() {
    String yaml = "# dive\nrules:\n  lowestEfficiency: 0.95  # score\n  highestWastedBytes: \"20MB\"\n  highestUserWastedPercent: disabled\nother:\n  x: 1\n";
    assertThat(CiRules.readDiveCi(yaml))
        .containsEntry("lowestEfficiency", "0.95")
        .containsEntry("highestWastedBytes", "20MB")
        .containsEntry("highestUserWastedPercent", "disabled")
        .doesNotContainKey("x");
  }

  @Test
  void disabledIsSkippedAndBadRatiosAreUsageErrors() throws Exception {
    List<CiRules.Rule> rules = new ArrayList<>();
    CiRules.add(rules, "highestUserWastedPercent", "disabled", false);
    assertThat(rules).isEmpty();
    assertThatThrownBy(() -> CiRules.add(rules, "lowestEfficiency", "1.5", false))
        .isInstanceOf(StagebenchException.class)
        .satisfies(e -> assertThat(((StagebenchException) e).category()).isEqualTo(StagebenchException.Category.USAGE));
  }
}
