package io.stagebench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void hyperfineNamesWithSampleStandardDeviation() {
    Stats s = Stats.of(List.of(1200L, 1000L, 1100L, 1500L));
    assertThat(s.mean()).isEqualTo(1200.0);
    // sample stddev: sqrt(((0)^2 + 200^2 + 100^2 + 300^2) / 3) = sqrt(140000/3)
    assertThat(s.stddev()).isCloseTo(Math.sqrt(140000.0 / 3), within(1e-9));
    assertThat(s.median()).isEqualTo(1150.0);
    assertThat(s.min()).isEqualTo(1000.0);
    assertThat(s.max()).isEqualTo(1500.0);
    assertThat(s.n()).isEqualTo(4);
  }

  @Test
  void oneSampleHasNoSpreadAndOddCountsTakeTheMiddle() {
    assertThat(Stats.of(List.of(42L)).stddev()).isZero();
    assertThat(Stats.of(List.of(3L, 1L, 2L)).median()).isEqualTo(2.0);
    assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
