package io.stagebench.run;

import io.stagebench.StagebenchException;
import io.stagebench.bases.Profile;
import io.stagebench.dockerfile.DockerfileParseException;
import io.stagebench.dockerfile.DockerfileParser;
import io.stagebench.dockerfile.StageGraph;
import io.stagebench.dockerfile.StageGraphException;
import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.Secrets;
import io.stagebench.lint.Finding;
import io.stagebench.lint.Linter;
import io.stagebench.lint.rules.Rules;
import io.stagebench.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the analyzer says of a variant's Dockerfile before it is built: its stage graph and lint. */
final class VariantFiles {
  private VariantFiles() {}

  /** The build args the harness passes: the profile's bases, then the variant's own. */
  static Map<String, String> buildArgs(Fixture.Variant v, Profile profile) {
    Map<String, String> args = new LinkedHashMap<>(profile.buildArgs());
    args.putAll(v.buildArgs());
    return args;
  }

  /** The variant's stage graph as the build sees it, or empty when the Dockerfile cannot be read. */
  static Optional<StageGraph> stageGraph(Fixture f, Fixture.Variant v, Profile profile) {
    try {
      return Optional.of(StageGraph.resolve(DockerfileParser.parse(f.dir().resolve(v.dockerfile())),
          buildArgs(v, profile), v.target()));
    } catch (IOException | DockerfileParseException
        | StageGraphException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The lint findings of the variant's Dockerfile (context rules included), for the report. */
  static List<Report.LintFinding> lint(Fixture f, Fixture.Variant v, Profile profile) {
    Path file = f.dir().resolve(v.dockerfile());
    try {
      List<Finding> found = new Linter(Rules.all()).lint(file,
          new Linter.Options(buildArgs(v, profile), v.target(), Optional.of(f.dir()), Set.of())).findings();
      return found.stream()
          .map(x -> new Report.LintFinding(x.ruleId(), x.severity().name().toLowerCase(Locale.ROOT),
              x.line(), Secrets.of(v.buildArgs()).scrub(x.message()), x.savingsBytes()))
          .toList();
    } catch (IOException | StagebenchException | RuntimeException e) {
      return List.of(new Report.LintFinding(Linter.PARSE_ERROR_ID, "error", 0,
          "cannot lint " + v.dockerfile() + ": " + e.getMessage(), null));
    }
  }
}
