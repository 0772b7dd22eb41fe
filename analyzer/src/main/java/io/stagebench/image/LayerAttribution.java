package io.stagebench.image;

import io.stagebench.dockerfile.ResolvedInstruction;
import io.stagebench.dockerfile.ResolvedStage;
import io.stagebench.dockerfile.StageGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ties the history entries of a built image to the Dockerfile instructions that made them: the
 * stage and line, and where the bytes came from ({@code final} for the target stage's own
 * instructions, {@code stage:<name>} for a {@code COPY --from} of a build stage or for the
 * instructions of a stage the target is built FROM).
 *
 * <p>Both builders write one history entry per instruction of the target's stage chain, with a
 * {@code created_by} that starts with the instruction (BuildKit: {@code RUN /bin/sh -c ...},
 * {@code COPY /src /dst # buildkit}; classic: {@code /bin/sh -c #(nop) COPY file:... in /dst},
 * {@code |1 ARG=v /bin/sh -c ...} for a RUN). Entries are matched in order against the chain's
 * instructions by keyword; an instruction with no entry (the classic builder writes ARG, BuildKit
 * does not) is passed over, and an entry that matches nothing stays unattributed.
 */
public final class LayerAttribution {
  /** Where one history entry came from. */
  public record Origin(String origin, String stage, int line, String keyword) {}

  private static final Set<String> KEYWORDS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
      "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");
  private static final Pattern CLASSIC_ARGS = Pattern.compile("^\\|\\d+ (?:\\S+=\\S* )*");

  private LayerAttribution() {}

  /**
   * Attributes {@code createdBy}, the image's own history entries oldest first (the base image's
   * entries left out), to the instructions of {@code graph}'s target stage chain.
   *
   * @return one entry per history entry, empty where no instruction matches
   */
  public static List<Optional<Origin>> attribute(StageGraph graph, List<String> createdBy) {
    List<Step> steps = steps(graph);
    List<Optional<Origin>> out = new ArrayList<>();
    int next = 0;
    for (String entry : createdBy) {
      String kw = keyword(entry);
      int found = -1;
      for (int i = next; i < steps.size(); i++) {
        if (steps.get(i).ri.instruction().keyword().equals(kw)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        out.add(Optional.empty());
        continue;
      }
      Step st = steps.get(found);
      next = found + 1;
      out.add(Optional.of(new Origin(st.origin, stageName(st.stage), st.ri.instruction().startLine(), kw)));
    }
    return out;
  }

  /**
   * Attributes {@code createdBy}, every layer of an image oldest first when its base image is not
   * known (an archive given to {@code analyze}): matched from the newest layer backwards, so the
   * base image's layers, older than every instruction of the chain, stay unattributed.
   *
   * @return one entry per layer, empty for the base image's layers and for layers no instruction
   *     matches
   */
  public static List<Optional<Origin>> attributeFromEnd(StageGraph graph, List<String> createdBy) {
    List<Step> steps = steps(graph);
    List<Optional<Origin>> out = new ArrayList<>(Collections.nCopies(createdBy.size(), Optional.empty()));
    int next = steps.size() - 1;
    for (int e = createdBy.size() - 1; e >= 0 && next >= 0; e--) {
      String kw = keyword(createdBy.get(e));
      for (int i = next; i >= 0; i--) {
        if (steps.get(i).ri.instruction().keyword().equals(kw)) {
          Step st = steps.get(i);
          out.set(e, Optional.of(new Origin(st.origin, stageName(st.stage), st.ri.instruction().startLine(), kw)));
          next = i - 1;
          break;
        }
      }
    }
    return out;
  }

  private static List<Step> steps(StageGraph graph) {
    List<Step> steps = new ArrayList<>();
    ResolvedStage target = graph.stages().get(graph.target());
    for (ResolvedStage s : chain(graph)) {
      for (ResolvedInstruction ri : s.instructions()) {
        steps.add(new Step(ri, s, origin(graph, s, target, ri)));
      }
    }
    return steps;
  }

  /** The instruction keyword a {@code created_by} text starts with. */
  static String keyword(String createdBy) {
    String s = createdBy == null ? "" : createdBy.strip();
    s = CLASSIC_ARGS.matcher(s).replaceFirst("");
    if (s.startsWith("/bin/sh -c #(nop) ")) {
      s = s.substring("/bin/sh -c #(nop) ".length()).strip();
    } else if (s.startsWith("/bin/sh -c ") || s.startsWith("cmd /S /C ")) {
      return "RUN";
    }
    int sp = s.indexOf(' ');
    String first = (sp < 0 ? s : s.substring(0, sp)).toUpperCase(Locale.ROOT);
    return KEYWORDS.contains(first) ? first : "RUN";
  }

  private record Step(ResolvedInstruction ri, ResolvedStage stage, String origin) {}

  /** The target stage and the stages it is built FROM, outermost first. */
  private static List<ResolvedStage> chain(StageGraph g) {
    List<ResolvedStage> chain = new ArrayList<>();
    ResolvedStage s = g.stages().get(g.target());
    while (true) {
      chain.add(0, s);
      if (s.baseStage().isEmpty()) {
        return chain;
      }
      s = g.stages().get(s.baseStage().get());
    }
  }

  private static String origin(StageGraph g, ResolvedStage s, ResolvedStage target, ResolvedInstruction ri) {
    String kw = ri.instruction().keyword();
    if ((kw.equals("COPY") || kw.equals("ADD")) && ri.flags().containsKey("from")) {
      Optional<ResolvedStage> from = stage(g, ri.flags().get("from"));
      if (from.isPresent()) {
        return "stage:" + stageName(from.get());
      }
      return "image:" + ri.flags().get("from");
    }
    return s == target ? "final" : "stage:" + stageName(s);
  }

  private static Optional<ResolvedStage> stage(StageGraph g, String ref) {
    for (ResolvedStage s : g.stages()) {
      if (s.stage().name().map(n -> n.equalsIgnoreCase(ref)).orElse(false)) {
        return Optional.of(s);
      }
    }
    if (ref.matches("\\d+")) {
      int i = Integer.parseInt(ref);
      if (i < g.stages().size()) {
        return Optional.of(g.stages().get(i));
      }
    }
    return Optional.empty();
  }

  private static String stageName(ResolvedStage s) {
    return s.stage().name().orElse(Integer.toString(s.index()));
  }
}
