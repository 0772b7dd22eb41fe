package io.stagebench.cli;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.fixture.AdHocFixture;
import io.stagebench.fixture.Fixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code bench} on a project without a manifest: its context, the variants to build and its edits. */
final class AdHocOptions {
  @Option(names = "--context", paramLabel = "DIR",
      description = "Ad hoc, no manifest: the build context of your project (use with --variant).")
  Path context;

  @Option(names = "--variant", paramLabel = "NAME=DOCKERFILE[:TARGET]",
      description = "Ad hoc: a variant to build, Dockerfile relative to --context; repeatable. Name one \"single\" to compare the others with it.")
  List<String> variants = new ArrayList<>();

  @Option(names = "--source-edit", paramLabel = "FILE", description = "Ad hoc: a source file in the context; source-edit appends a comment to it.")
  Path sourceEdit;

  @Option(names = "--deps-edit", paramLabel = "FILE", description = "Ad hoc: the dependency manifest in the context that deps-edit changes.")
  Path depsEdit;

  @Option(names = "--build-arg", paramLabel = "K=V",
      description = "Ad hoc: a build arg for every variant, as docker build takes it (K alone takes K from the environment); repeatable.")
  List<String> buildArgs = new ArrayList<>();

  /**
   * The ad hoc fixture of {@code --context}, or empty without it.
   *
   * @throws StagebenchException (usage) for ad hoc options without {@code --context}, or with a
   *     fixture selection, or for a context that does not work
   */
  Optional<Fixture> fixture(List<String> fixtureNames, List<Path> fixturesDirs) throws StagebenchException {
    if (context == null) {
      if (!variants.isEmpty() || sourceEdit != null || depsEdit != null || !buildArgs.isEmpty()) {
        throw new StagebenchException(Category.USAGE, "--variant, --source-edit, --deps-edit and --build-arg need --context DIR");
      }
      return Optional.empty();
    }
    if (!fixtureNames.isEmpty() || !fixturesDirs.isEmpty()) {
      throw new StagebenchException(Category.USAGE, "--context (ad hoc) cannot be combined with --fixtures or --fixtures-dir");
    }
    return Optional.of(AdHocFixture.of(context, variants, Optional.ofNullable(sourceEdit), Optional.ofNullable(depsEdit),
        DockerfileOptions.parse(buildArgs)));
  }
}
