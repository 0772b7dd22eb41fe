package io.stagebench.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage with its base resolved after ARG expansion.
 *
 * @param stage the parsed stage
 * @param base the base after expanding global ARGs ({@code golang:1.22}, {@code scratch}, {@code
 *     build})
 * @param baseStage the index of the earlier stage used as base; empty when the base is an image
 * @param platform the {@code --platform} after expansion, if any
 * @param instructions the body instructions with expansion applied, in order
 * @param env the ENV values at the end of the stage (inherited from a base stage)
 */
public record ResolvedStage(
    Stage stage,
    String base,
    Optional<Integer> baseStage,
    Optional<String> platform,
    List<ResolvedInstruction> instructions,
    Map<String, String> env) {
  public ResolvedStage {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(baseStage, "baseStage");
    Objects.requireNonNull(platform, "platform");
    instructions = List.copyOf(instructions);
    env = Map.copyOf(env);
  }

  public int index() {
    return stage.index();
  }

  /** Whether the base is {@code scratch} (an empty image). */
  public boolean fromScratch() {
    return baseStage.isEmpty() && base.equalsIgnoreCase("scratch");
  }
}
