package io.stagebench.image;

import io.stagebench.dockerfile.ResolvedStage;
import io.stagebench.dockerfile.StageGraph;
import io.stagebench.lint.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An analyzed image read against the Dockerfile that built it ({@code analyze --dockerfile}): each
 * layer tied to its instruction (stage and line, or the base image), the bytes each origin
 * contributes ({@code base}, {@code stage:<name>} for {@code COPY --from}, {@code final}), and the
 * Dockerfile's lint findings with the bytes at stake: the size of the layers the flagged line made
 * (for a FROM line of the final image's chain, the base image's layers).
 *
 * @param dockerfile the Dockerfile's name as given
 * @param layers one entry per layer of the image, oldest first
 * @param bytesByOrigin bytes per origin, in first-seen order
 * @param advice the lint findings, most bytes at stake first
 */
public record DockerfileAttribution(
    String dockerfile, List<LayerOrigin> layers, Map<String, Long> bytesByOrigin, List<Advice> advice) {

  /** One layer: where it came from. {@code line} and {@code instruction} are null for base layers. */
  public record LayerOrigin(int layer, String origin, String stage, Integer line, String instruction, long sizeBytes) {}

  /** A lint finding with the bytes of the layers its line made. */
  public record Advice(String rule, String severity, int line, String message, long bytesAtStake) {}

  public static DockerfileAttribution of(String dockerfile, ImageReport report, StageGraph graph, List<Finding> findings) {
    List<ImageReport.LayerRow> rows = report.layers();
    List<Optional<LayerAttribution.Origin>> origins =
        LayerAttribution.attributeFromEnd(graph, rows.stream().map(ImageReport.LayerRow::createdBy).toList());
    int firstOwn = origins.size();
    for (int i = 0; i < origins.size(); i++) {
      if (origins.get(i).isPresent()) {
        firstOwn = i;
        break;
      }
    }
    List<LayerOrigin> layers = new ArrayList<>();
    Map<String, Long> bytes = new LinkedHashMap<>();
    Map<Integer, Long> bytesByLine = new LinkedHashMap<>();
    long baseBytes = 0;
    for (int i = 0; i < rows.size(); i++) {
      ImageReport.LayerRow row = rows.get(i);
      Optional<LayerAttribution.Origin> o = origins.get(i);
      String origin = o.map(LayerAttribution.Origin::origin).orElse(i < firstOwn ? "base" : "unknown");
      layers.add(new LayerOrigin(row.index(), origin, o.map(LayerAttribution.Origin::stage).orElse(null),
          o.map(LayerAttribution.Origin::line).orElse(null), o.map(LayerAttribution.Origin::keyword).orElse(null),
          row.sizeBytes()));
      bytes.merge(origin, row.sizeBytes(), Long::sum);
      if (o.isPresent()) {
        bytesByLine.merge(o.get().line(), row.sizeBytes(), Long::sum);
      } else if (origin.equals("base")) {
        baseBytes += row.sizeBytes();
      }
    }
    ResolvedStage first = graph.stages().get(graph.target());
    while (first.baseStage().isPresent()) {
      first = graph.stages().get(first.baseStage().get());
    }
    int baseFromLine = first.stage().from().startLine();
    List<Advice> advice = new ArrayList<>();
    for (Finding f : findings) {
      // A toolchain base (SB001) puts the base image at stake; other findings, the layers of their line.
      long atStake = f.line() == baseFromLine ? (f.ruleId().equals("SB001") ? baseBytes : 0L) : bytesByLine.getOrDefault(f.line(), 0L);
      advice.add(new Advice(f.ruleId(), f.severity().label(), f.line(), f.message(), atStake));
    }
    advice.sort(Comparator.comparingLong(Advice::bytesAtStake).reversed().thenComparingInt(Advice::line));
    return new DockerfileAttribution(dockerfile, List.copyOf(layers), bytes, List.copyOf(advice));
  }
}
