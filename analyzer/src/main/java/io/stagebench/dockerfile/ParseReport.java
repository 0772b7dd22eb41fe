package io.stagebench.dockerfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * The JSON shape of {@code stagebench parse --format json}: templates that Jackson sees, kept
 * apart from the AST so the format can be versioned without bending the model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "file", "escape", "directives", "globalArgs", "stages", "graph", "comments"})
public record ParseReport(
    int schemaVersion,
    String file,
    String escape,
    List<DirectiveJson> directives,
    List<InstructionJson> globalArgs,
    List<StageJson> stages,
    GraphJson graph,
    List<CommentJson> comments) {

  /** Bumped whenever a field changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 1;

  /** Builds the report; {@code graph} may be null when the stages could not be resolved. */
  public static ParseReport of(String file, Dockerfile df, StageGraph graph) {
    List<StageJson> stages =
        df.stages().stream()
            .map(s -> StageJson.of(s, graph == null ? null : graph.stages().get(s.index()), graph))
            .toList();
    return new ParseReport(
        SCHEMA_VERSION,
        file,
        String.valueOf(df.escapeChar()),
        df.directives().stream().map(d -> new DirectiveJson(d.name(), d.value(), d.line())).toList(),
        df.globalArgs().stream().map(InstructionJson::of).toList(),
        stages,
        graph == null ? null : GraphJson.of(graph),
        df.comments().stream().map(c -> new CommentJson(c.line(), c.text())).toList());
  }

  public record DirectiveJson(String name, String value, int line) {}

  public record CommentJson(int line, String text) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FlagJson(String name, String value) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record KeyValueJson(String key, String value, String rawValue) {}

  public record HeredocJson(
      String name, int fileDescriptor, boolean expand, boolean chomp, int startLine, int endLine, String content) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"keyword", "startLine", "endLine", "flags", "json", "arguments"})
  public record InstructionJson(
      String keyword,
      int startLine,
      int endLine,
      List<FlagJson> flags,
      boolean json,
      List<String> arguments,
      List<KeyValueJson> keyValues,
      List<HeredocJson> heredocs,
      InstructionJson onbuild) {

    static InstructionJson of(Instruction i) {
      return new InstructionJson(
          i.keyword(),
          i.startLine(),
          i.endLine(),
          i.flags().stream().map(f -> new FlagJson(f.name(), f.value().orElse(null))).toList(),
          i.json(),
          i.keyValues().isEmpty() ? i.arguments() : List.of(),
          i.keyValues().stream()
              .map(kv -> new KeyValueJson(kv.key(), kv.value().orElse(null), kv.rawValue().orElse(null)))
              .toList(),
          i.heredocs().stream()
              .map(h -> new HeredocJson(h.name(), h.fileDescriptor(), h.expand(), h.chomp(), h.startLine(), h.endLine(), h.content()))
              .toList(),
          i.onbuild().map(InstructionJson::of).orElse(null));
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"index", "name", "baseName", "base", "baseStage", "platform", "startLine", "endLine", "reachable"})
  public record StageJson(
      int index,
      String name,
      String baseName,
      String base,
      Integer baseStage,
      String platform,
      int startLine,
      int endLine,
      Boolean reachable,
      List<InstructionJson> instructions) {

    static StageJson of(Stage s, ResolvedStage r, StageGraph g) {
      Optional<String> platform = r != null ? r.platform() : s.platform();
      return new StageJson(
          s.index(),
          s.name().orElse(null),
          s.baseName(),
          r == null ? null : r.base(),
          r == null ? null : r.baseStage().orElse(null),
          platform.orElse(null),
          s.startLine(),
          s.endLine(),
          g == null ? null : g.isReachable(s.index()),
          s.all().stream().map(InstructionJson::of).toList());
    }
  }

  public record EdgeJson(String kind, int from, Integer to, String reference, int line) {}

  public record GraphJson(int target, List<Integer> reachable, List<Integer> dead, List<EdgeJson> edges) {
    static GraphJson of(StageGraph g) {
      return new GraphJson(
          g.target(),
          g.reachable(),
          g.deadStages().stream().map(ResolvedStage::index).toList(),
          g.edges().stream()
              .map(e -> new EdgeJson(e.kind().name(), e.stage(), e.target().orElse(null), e.reference(), e.line()))
              .toList());
    }
  }
}
