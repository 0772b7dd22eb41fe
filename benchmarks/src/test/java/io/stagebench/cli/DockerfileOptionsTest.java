package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --build-arg as docker build reads it, for every command that takes it. */
class DockerfileOptionsTest {
  @Test
  void keyValueAndKeyFromTheEnvironmentInTheOrderGiven() throws Exception {
    assertThat(DockerfileOptions.parse(List.of("B=2", "PATH", "A=x=y", "E=")))
        .containsExactly(Map.entry("B", "2"), Map.entry("PATH", System.getenv("PATH")),
            Map.entry("A", "x=y"), Map.entry("E", ""));
  }

  @Test
  void aKeyUnsetInTheEnvironmentIsLeftOut() throws Exception {
    assertThat(DockerfileOptions.parse(List.of("STAGEBENCH_SURELY_UNSET_42"))).isEmpty();
  }

  @Test
  void anArgumentWithoutANameIsAUsageError() {
    assertThatThrownBy(() -> DockerfileOptions.parse(List.of("=v")))
        .isInstanceOf(StagebenchException.class)
        .hasMessage("--build-arg =v: expected K=V")
        .matches(e -> ((StagebenchException) e).category() == StagebenchException.Category.USAGE);
  }
}
