package io.stagebench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {
  @Test
  void shardsPartitionTheUnitsDeterministically() {
    List<Integer> units = List.of(0, 1, 2, 3, 4, 5, 6);
    List<Integer> all = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      List<Integer> part = Shard.parse(i + "/3").select(units);
      assertThat(part).isEqualTo(Shard.parse(i + "/3").select(units));
      all.addAll(part);
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(units);
    assertThat(Shard.parse("2/3").select(units)).containsExactly(1, 4);
    assertThat(Shard.ALL.select(units)).isEqualTo(units);
  }

  @Test
  void malformedShardsAreOneLineErrors() {
    assertThatThrownBy(() -> Shard.parse("3/2")).hasMessage("shard 3/2 is not I/N with 1 <= I <= N");
    assertThatThrownBy(() -> Shard.parse("0/2")).hasMessageContaining("1 <= I <= N");
    assertThatThrownBy(() -> Shard.parse("2")).hasMessageContaining("--shard takes I/N");
    assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("whole numbers");
  }

  @Test
  void rotationInterleavesVariantsAcrossRounds() {
    List<String> u = List.of("single", "multi", "multi-cache");
    assertThat(BenchRunner.rotate(u, 0)).containsExactly("single", "multi", "multi-cache");
    assertThat(BenchRunner.rotate(u, 1)).containsExactly("multi", "multi-cache", "single");
    assertThat(BenchRunner.rotate(u, 5)).containsExactly("multi-cache", "single", "multi");
    assertThat(BenchRunner.rotate(List.<String>of(), 3)).isEmpty();
  }
}
