package io.stagebench.cli;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import io.stagebench.run.RunIds;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stagebench clean}: remove what finished or dead runs left in the engine (label
 * io.stagebench.run), never what a run in progress is using.
 */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the containers and images that stagebench runs left behind (label io.stagebench.run).",
      "Without options: every run whose process is gone (finished, interrupted or killed).",
      "A run still going on this machine is kept unless named with --run and --force, or --all.",
      "Runs of unknown ownership (older versions, other machines' IDs) need --run or --all.",
      "Also removes the build-cache records of uploaded BuildKit contexts (never reused).",
      "Base images are never touched."
    })
final class CleanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--run", paramLabel = "RUN_ID", description = "Remove what this run created (repeatable).")
  List<String> runs = new ArrayList<>();

  @Option(names = "--all", description = "Remove what every run created, runs in progress included.")
  boolean all;

  @Option(names = "--force", description = "With --run: remove a run even while it is in progress.")
  boolean force;

  @Option(names = {"-n", "--dry-run"}, description = "Only list the runs found and what would be removed.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = Engine.connect()) {
      EngineCleaner cleaner = new EngineCleaner(engine);
      Map<String, Integer> found = cleaner.runs();
      Set<String> chosen = new LinkedHashSet<>();
      for (String run : runs) {
        if (!all && !force && RunIds.liveness(run) == RunIds.Liveness.LIVE) {
          throw new StagebenchException(Category.USAGE,
              "run " + run + " is still in progress; stop it first, or add --force to remove its objects anyway");
        }
        chosen.add(run);
      }
      for (Map.Entry<String, Integer> e : found.entrySet()) {
        RunIds.Liveness l = RunIds.liveness(e.getKey());
        boolean remove = all || chosen.contains(e.getKey()) || (runs.isEmpty() && l == RunIds.Liveness.DEAD);
        out.printf("%-40s %3d object(s)  %-8s %s%n", e.getKey(), e.getValue(), l.name().toLowerCase(Locale.ROOT),
            remove ? (dryRun ? "would remove" : "remove") : "keep");
        if (remove) {
          chosen.add(e.getKey());
        }
      }
      if (!dryRun) {
        int contexts = cleaner.pruneUploadedContexts();
        if (contexts > 0) {
          out.printf("removed %d uploaded build context(s) from the build cache%n", contexts);
        }
      }
      if (found.isEmpty()) {
        out.println("nothing to clean");
      }
      if (dryRun || chosen.isEmpty()) {
        out.flush();
        return ExitCodes.OK;
      }
      EngineCleaner.Outcome o = cleaner.remove(chosen::contains);
      out.printf("removed %d container(s) and %d image(s)%n", o.containers(), o.images());
      out.flush();
      o.failures().forEach(f -> spec.commandLine().getErr().println("stagebench: could not remove " + f));
      return o.failures().isEmpty() ? ExitCodes.OK : ExitCodes.ENVIRONMENT;
    }
  }
}
