package io.stagebench.dockerfile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stages of a Dockerfile after ARG expansion, with their dependencies and what a build of a
 * target actually needs.
 *
 * @param dockerfile the parsed file
 * @param globalArgs the values of the ARGs declared before the first FROM (and the automatic
 *     platform ARGs), after {@code --build-arg} overrides; an ARG without a value is absent
 * @param stages every stage, in order
 * @param edges every dependency in file order: {@code FROM <stage>}, {@code COPY --from}, {@code
 *     RUN --mount=from=}; image references too (with an empty target)
 * @param target the index of the stage being built (the last one unless {@code --target})
 * @param reachable the indexes of the stages the target needs, the target included, ascending
 */
public record StageGraph(
    Dockerfile dockerfile,
    Map<String, String> globalArgs,
    List<ResolvedStage> stages,
    List<Edge> edges,
    int target,
    List<Integer> reachable) {

  public StageGraph {
    Objects.requireNonNull(dockerfile, "dockerfile");
    globalArgs = Map.copyOf(globalArgs);
    stages = List.copyOf(stages);
    edges = List.copyOf(edges);
    reachable = List.copyOf(reachable);
  }

  /** Resolves with no build args, for the final stage. */
  public static StageGraph resolve(Dockerfile dockerfile) throws StageGraphException {
    return resolve(dockerfile, Map.of(), Optional.empty());
  }

  /**
   * Resolves the stages as {@code docker build --build-arg K=V --target T} would see them.
   *
   * @param buildArgs the {@code --build-arg} values; they override ARG defaults
   * @param target a stage name (any case), or empty for the last stage
   * @throws StageGraphException for an unknown target, a failing substitution such as {@code
   *     ${VAR:?}}, or a stage that depends on itself
   */
  public static StageGraph resolve(
      Dockerfile dockerfile, Map<String, String> buildArgs, Optional<String> target)
      throws StageGraphException {
    Objects.requireNonNull(buildArgs, "buildArgs");
    Objects.requireNonNull(target, "target");
    if (dockerfile.stages().isEmpty()) {
      throw new StageGraphException(0, "the Dockerfile has no build stage");
    }
    int targetIndex = dockerfile.stages().size() - 1;
    if (target.isPresent()) {
      targetIndex = findTarget(dockerfile, target.get());
    }
    String targetName = dockerfile.stages().get(targetIndex).name().orElse("default");
    StageResolver r = new StageResolver(dockerfile, buildArgs, targetName);
    List<ResolvedStage> stages = r.resolveStages();
    List<Edge> edges = r.edges();
    checkCycles(stages.size(), edges);
    return new StageGraph(
        dockerfile, r.globals(), stages, edges, targetIndex, reach(targetIndex, edges));
  }

  private static int findTarget(Dockerfile df, String name) throws StageGraphException {
    for (Stage s : df.stages()) {
      if (s.name().isPresent() && s.name().get().equalsIgnoreCase(name)) {
        return s.index();
      }
    }
    List<String> names = df.stages().stream().flatMap(s -> s.name().stream()).toList();
    throw new StageGraphException(
        0,
        "target stage "
            + GoText.quote(name)
            + " could not be found"
            + (names.isEmpty() ? " (no stage is named)" : " (stages: " + String.join(", ", names) + ")"));
  }

  private static List<Integer> reach(int from, List<Edge> edges) {
    Set<Integer> seen = new TreeSet<>();
    Deque<Integer> todo = new ArrayDeque<>();
    todo.add(from);
    while (!todo.isEmpty()) {
      int s = todo.poll();
      if (!seen.add(s)) {
        continue;
      }
      for (Edge e : edges) {
        if (e.stage() == s && e.target().isPresent()) {
          todo.add(e.target().get());
        }
      }
    }
    return List.copyOf(seen);
  }

  private static void checkCycles(int n, List<Edge> edges) throws StageGraphException {
    for (int start = 0; start < n; start++) {
      for (Edge e : edges) {
        if (e.stage() == start && e.target().isPresent()) {
          if (reach(e.target().get(), edges).contains(start)) {
            throw new StageGraphException(
                e.line(), "circular dependency detected on stage: " + e.reference());
          }
        }
      }
    }
  }

  /** The stage being built. */
  public ResolvedStage targetStage() {
    return stages.get(target);
  }

  /** Whether the target needs this stage. */
  public boolean isReachable(int stageIndex) {
    return reachable.contains(stageIndex);
  }

  /** The stages the target needs, in order. */
  public List<ResolvedStage> reachableStages() {
    return stages.stream().filter(s -> isReachable(s.index())).toList();
  }

  /** The stages the target does not need: BuildKit skips them. */
  public List<ResolvedStage> deadStages() {
    return stages.stream().filter(s -> !isReachable(s.index())).toList();
  }

  /**
   * Dead stages that the classic (non-BuildKit) builder still builds, because it builds every
   * stage up to the target.
   */
  public List<ResolvedStage> builtNeedlesslyByClassicBuilder() {
    return deadStages().stream().filter(s -> s.index() < target).toList();
  }

  /** The dependencies of one stage. */
  public List<Edge> edgesFrom(int stageIndex) {
    return edges.stream().filter(e -> e.stage() == stageIndex).toList();
  }

  /** The stages and places that depend on one stage. */
  public List<Edge> edgesTo(int stageIndex) {
    return edges.stream().filter(e -> e.target().equals(Optional.of(stageIndex))).toList();
  }
}
