package io.stagebench.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The readable tree of {@code stagebench parse}: stages, their instructions and dependencies. */
public final class TreeFormatter {
  private TreeFormatter() {}

  /** Formats the file; {@code graph} may be null when the stages could not be resolved. */
  public static String format(String file, Dockerfile df, StageGraph graph) {
    StringBuilder sb = new StringBuilder();
    sb.append(file).append("  (escape ").append(df.escapeChar());
    for (Directive d : df.directives()) {
      if (!d.name().equals("escape")) {
        sb.append(", ").append(d.name()).append('=').append(d.value());
      }
    }
    sb.append(")\n");
    if (!df.globalArgs().isEmpty()) {
      sb.append("global\n");
      df.globalArgs().forEach(i -> instruction(sb, i, "  "));
    }
    for (Stage s : df.stages()) {
      ResolvedStage r = graph == null ? null : graph.stages().get(s.index());
      sb.append("stage ").append(s.index());
      s.name().ifPresent(n -> sb.append(" \"").append(n).append('"'));
      sb.append("  FROM ").append(r == null ? s.baseName() : r.base());
      if (r != null && r.baseStage().isPresent()) {
        sb.append(" (stage ").append(r.baseStage().get()).append(')');
      } else if (r != null && !r.base().equals(s.baseName())) {
        sb.append(" (written ").append(s.baseName()).append(')');
      }
      (r == null ? s.platform() : r.platform()).ifPresent(p -> sb.append("  platform ").append(p));
      sb.append("  lines ").append(s.startLine()).append('-').append(s.endLine());
      if (graph != null) {
        sb.append(graph.target() == s.index() ? "  [target]" : graph.isReachable(s.index()) ? "" : "  [unused]");
      }
      sb.append('\n');
      s.body().forEach(i -> instruction(sb, i, "  "));
      if (graph != null) {
        List<Edge> uses = graph.edgesTo(s.index());
        if (!uses.isEmpty()) {
          sb.append("  used by: ")
              .append(uses.stream()
                  .map(e -> "stage " + e.stage() + " " + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (line " + e.line() + ")")
                  .collect(Collectors.joining(", ")))
              .append('\n');
        }
      }
    }
    if (graph != null) {
      sb.append("target: stage ").append(graph.target())
          .append("; needs stages ").append(graph.reachable());
      List<ResolvedStage> dead = graph.deadStages();
      if (!dead.isEmpty()) {
        sb.append("; unused: ")
            .append(dead.stream().map(d -> d.stage().displayName()).collect(Collectors.joining(", ")));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void instruction(StringBuilder sb, Instruction i, String indent) {
    sb.append(indent).append(String.format("%4d", i.startLine()));
    sb.append(i.endLine() != i.startLine() ? "-" + i.endLine() : "").append("  ");
    sb.append(oneLine(i.toString())).append('\n');
    for (Heredoc h : i.heredocs()) {
      sb.append(indent).append("        heredoc ").append(h.name())
          .append(" lines ").append(h.startLine()).append('-').append(h.endLine())
          .append(h.expand() ? "" : " (no expansion)").append('\n');
    }
  }

  private static String oneLine(String s) {
    String flat = s.replace('\n', ' ').replace('\r', ' ');
    return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
  }
}
