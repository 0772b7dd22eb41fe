package io.stagebench.lint;

import io.stagebench.dockerfile.Dockerfile;
import io.stagebench.dockerfile.Heredoc;
import io.stagebench.dockerfile.Instruction;
import io.stagebench.dockerfile.Mount;
import io.stagebench.dockerfile.ResolvedInstruction;
import io.stagebench.dockerfile.ResolvedStage;
import io.stagebench.dockerfile.Stage;
import io.stagebench.dockerfile.StageGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a rule sees: the parsed file, its resolved stage graph, the context directory if given. */
public final class LintContext {
  private final Dockerfile dockerfile;
  private final StageGraph graph;
  private final Optional<Path> contextDir;
  private final Map<Instruction, List<Shell.Cmd>> commands = new IdentityHashMap<>();
  private final Map<Instruction, ResolvedInstruction> resolved = new IdentityHashMap<>();

  public LintContext(Dockerfile dockerfile, StageGraph graph, Optional<Path> contextDir) {
    this.dockerfile = dockerfile;
    this.graph = graph;
    this.contextDir = contextDir;
    for (ResolvedStage s : graph.stages()) {
      for (ResolvedInstruction ri : s.instructions()) {
        resolved.put(ri.instruction(), ri);
      }
    }
  }

  public Dockerfile dockerfile() {
    return dockerfile;
  }

  public StageGraph graph() {
    return graph;
  }

  public Optional<Path> contextDir() {
    return contextDir;
  }

  public List<Stage> stages() {
    return dockerfile.stages();
  }

  public ResolvedStage resolved(Stage s) {
    return graph.stages().get(s.index());
  }

  /** The instruction with variables expanded where Docker expands them, if it is in a stage. */
  public Optional<ResolvedInstruction> resolved(Instruction i) {
    return Optional.ofNullable(resolved.get(i));
  }

  /** The stage being built (the last one unless {@code --target}). */
  public Stage targetStage() {
    return stages().get(graph.target());
  }

  /**
   * The stages whose files end up in the built image: the target and the stages it is built FROM,
   * target first.
   */
  public List<Stage> imageChain() {
    return chain(targetStage());
  }

  /** A stage and the stages it is built FROM, the stage itself first. */
  public List<Stage> chain(Stage s) {
    List<Stage> out = new ArrayList<>();
    Stage cur = s;
    while (cur != null && !containsSame(out, cur)) {
      out.add(cur);
      Optional<Integer> base = resolved(cur).baseStage();
      cur = base.isPresent() ? stages().get(base.get()) : null;
    }
    return out;
  }

  private static boolean containsSame(List<Stage> stages, Stage s) {
    for (Stage x : stages) {
      if (x == s) {
        return true;
      }
    }
    return false;
  }

  /** The image at the bottom of a stage's FROM chain, lower-cased ({@code golang:1.21-bookworm}). */
  public String baseImage(Stage s) {
    List<Stage> c = chain(s);
    return Shell.lower(resolved(c.get(c.size() - 1)).base());
  }

  /** The body instructions of a stage's chain, oldest first (base stage's first). */
  public List<Instruction> chainBody(Stage s) {
    List<Stage> c = chain(s);
    List<Instruction> out = new ArrayList<>();
    for (int i = c.size() - 1; i >= 0; i--) {
      out.addAll(c.get(i).body());
    }
    return out;
  }

  /** The script a RUN executes: its shell-form text (or exec words) and its heredoc bodies. */
  public static String script(Instruction run) {
    StringBuilder sb = new StringBuilder(run.commandText());
    for (Heredoc h : run.heredocs()) {
      sb.append('\n').append(h.effectiveContent());
    }
    return sb.toString();
  }

  /** The simple commands of a RUN (empty for other instructions). */
  public List<Shell.Cmd> commands(Instruction i) {
    if (!i.is("RUN")) {
      return List.of();
    }
    return commands.computeIfAbsent(i, k -> Shell.commands(script(k)));
  }

  /** Whether a RUN mounts a cache (or tmpfs) at a path starting with this prefix. */
  public static boolean mountsCacheAt(Instruction run, String prefix) {
    return run.flags("mount").stream()
        .map(f -> Mount.parse(f.value().orElse("")))
        .anyMatch(m -> (m.type().equals("cache") || m.type().equals("tmpfs"))
            && m.target().map(t -> t.startsWith(prefix) || prefix.startsWith(t)).orElse(false));
  }

  /** Whether a RUN has any cache mount. */
  public static boolean hasCacheMount(Instruction run) {
    return run.flags("mount").stream()
        .map(f -> Mount.parse(f.value().orElse("")))
        .anyMatch(m -> m.type().equals("cache"));
  }

  /** The environment variables visible to an instruction (ARG and ENV), after expansion. */
  public Map<String, String> variables(Instruction i) {
    return resolved(i).map(ResolvedInstruction::variables).orElse(Map.of());
  }

  private ContextScan scan;

  /** The context scan (computed once); only when a context directory was given. */
  public ContextScan contextScan() {
    if (scan == null) {
      try {
        scan = ContextScan.scan(contextDir.orElseThrow());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return scan;
  }
}
