package io.stagebench.cli;

import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stagebench clean}: remove what runs left in the engine (label io.stagebench.run). */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the containers and images that stagebench runs left behind (label io.stagebench.run).",
      "Base images are kept. Without --run or --all, lists the runs found."
    })
final class CleanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--run", paramLabel = "RUN_ID", description = "Remove what this run created (repeatable).")
  List<String> runs = new ArrayList<>();

  @Option(names = "--all", description = "Remove what every run created.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = Engine.connect()) {
      EngineCleaner cleaner = new EngineCleaner(engine);
      if (!all && runs.isEmpty()) {
        Map<String, Integer> found = cleaner.runs();
        if (found.isEmpty()) {
          out.println("nothing to clean");
        } else {
          found.forEach((run, n) -> out.printf("%-40s %d object(s)%n", run, n));
          out.println("remove with: stagebench clean --run RUN_ID, or --all");
        }
        return ExitCodes.OK;
      }
      EngineCleaner.Outcome o = cleaner.remove(run -> all || runs.contains(run));
      out.printf("removed %d container(s) and %d image(s)%n", o.containers(), o.images());
      o.failures().forEach(f -> spec.commandLine().getErr().println("stagebench: could not remove " + f));
      return o.failures().isEmpty() ? ExitCodes.OK : ExitCodes.ENVIRONMENT;
    }
  }
}
