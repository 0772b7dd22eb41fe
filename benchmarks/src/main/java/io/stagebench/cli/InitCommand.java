package io.stagebench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.bases.StagebenchHome;
import io.stagebench.fixture.FixtureInit;
import io.stagebench.fixture.FixtureLoader;
import io.stagebench.report.ReportStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench init}: guess a fixture.json for the user's own project. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Inspect a project (Dockerfiles, .dockerignore, package.json, pom.xml, build.gradle, go.mod, Cargo.toml,",
      "pyproject.toml / requirements.txt) and write DIR/fixture.json: one variant per Dockerfile (plus user-facing",
      "--target stages), a source and a dependency edit, and a smoke check. Prints what it guessed.",
      "Then: stagebench fixtures check --fixtures-dir DIR; stagebench bench --fixtures-dir DIR."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:fixture.json written",
      "2:no Dockerfile, a Dockerfile that does not parse, or fixture.json exists (use --force)",
      "3:the directory cannot be read or fixture.json cannot be written"
    })
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "The project (default: the working directory).")
  Path dir;

  @Option(names = "--force", description = "Overwrite an existing fixture.json.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path root = dir.toAbsolutePath().normalize();
    Path target = root.resolve("fixture.json");
    if (Files.exists(target) && !force) {
      throw new StagebenchException(Category.USAGE, StagebenchHome.display(target) + " exists; use --force to overwrite it");
    }
    FixtureInit.Result r = FixtureInit.guess(root);
    String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r.manifest()) + "\n";
    write(target, json);
    // What we wrote must load as any manifest does; a failure here is a bug in init, said plainly.
    FixtureLoader.load(root);
    out.println("wrote " + StagebenchHome.display(target));
    out.println("guessed:");
    r.guesses().forEach(g -> out.println("  " + g));
    if (!r.confirm().isEmpty()) {
      out.println("confirm (edit fixture.json):");
      r.confirm().forEach(c -> out.println("  - " + c));
    }
    out.println("next: stagebench fixtures check --fixtures-dir " + StagebenchHome.display(root)
        + "   then: stagebench bench --fixtures-dir " + StagebenchHome.display(root));
    out.flush();
    return ExitCodes.OK;
  }

  private static void write(Path target, String json) throws StagebenchException {
    try {
      ReportStore.writeBytes(target, json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot write " + StagebenchHome.display(target) + ": " + e.getMessage());
    }
  }
}
