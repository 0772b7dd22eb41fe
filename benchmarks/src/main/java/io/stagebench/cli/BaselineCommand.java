package io.stagebench.cli;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.bases.StagebenchHome;
import io.stagebench.report.Baseline;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench baseline}: the committed reference report for {@code compare}. */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = "The committed reference report (reports/baseline/report.json) that `compare` judges runs against.",
    subcommands = {BaselineCommand.Update.class, BaselineCommand.Show.class})
final class BaselineCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code baseline update [REPORT.json]}. */
  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Copy REPORT.json (default: the newest reports/runs/*/report.json) atomically to "
          + "reports/baseline/report.json and regenerate reports/docs/. Refuses files that are not reports of this schema "
          + "version (exit 3) and runs that did not complete (exit 2, unless --allow-incomplete).")
  static final class Update implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "REPORT.json", description = "The new baseline (default: the newest run's report).")
    Path source;

    @Option(names = "--allow-incomplete", description = "Accept a report of an interrupted or incomplete run.")
    boolean allowIncomplete;

    @Option(names = "--no-docs", description = "Leave reports/docs/ as it is (when the docs come from another run, "
        + "e.g. a full run with one sample while the baseline has three).")
    boolean noDocs;

    @Override
    public Integer call() throws Exception {
      Path home = StagebenchHome.locate();
      Path src = source;
      if (src == null) {
        src = Baseline.newestRun(home).orElseThrow(() -> new StagebenchException(Category.USAGE,
            "no reports/runs/*/report.json under " + home + "; run `stagebench bench` first or pass REPORT.json"));
      }
      Report r = Baseline.update(home, src, allowIncomplete);
      PrintWriter out = spec.commandLine().getOut();
      out.println("baseline is now run " + r.run().id() + " (" + src + ") -> " + home.relativize(Baseline.file(home)));
      if (noDocs) {
        out.flush();
        return ExitCodes.OK;
      }
      Path docsDir = home.resolve("reports").resolve("docs");
      List<Path> docFiles = ReportCommand.renderDocs(r, Baseline.file(home), docsDir, ReportCommand.DOCS_FORMATS);
      out.println("regenerated " + docFiles.size() + " file(s) in " + home.relativize(docsDir));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code baseline show}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the baseline's metadata: run, tool, profile, engine, host, base images, contents.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--file", paramLabel = "REPORT.json", description = "Show this report instead of the committed baseline.")
    Path file;

    @Override
    public Integer call() throws Exception {
      Path f = file;
      if (f == null) {
        Path home = StagebenchHome.locate();
        f = Baseline.file(home);
        if (!Files.isRegularFile(f)) {
          throw new StagebenchException(Category.ENVIRONMENT, "no baseline at " + home.relativize(f)
              + "; make one with `stagebench bench --profile offline` then `stagebench baseline update`");
        }
      }
      Report r = ReportStore.read(f);
      PrintWriter out = spec.commandLine().getOut();
      out.println("file        " + f);
      out.println("run         " + r.run().id() + (r.run().complete() ? "" : " (incomplete)") + (r.run().interrupted() ? " (interrupted)" : ""));
      out.println("when        " + r.run().startedAt() + " .. " + r.run().finishedAt());
      out.println("tool        " + r.tool().name() + " " + r.tool().version() + (r.tool().gitCommit() == null ? "" : " (" + r.tool().gitCommit() + ")"));
      Report.Environment env = r.environment();
      if (env != null) {
        out.println("profile     " + env.profile());
        if (env.engine() != null) {
          out.println("engine      Docker " + env.engine().version() + " (API " + env.engine().apiVersion() + "), "
              + env.engine().storageDriver() + ", " + env.engine().os() + "/" + env.engine().architecture());
        }
        if (env.host() != null) {
          out.printf("host        %d CPUs, %.1f GiB, Java %s%n", env.host().cpus(), env.host().memoryBytes() / (double) (1L << 30), env.host().javaVersion());
        }
        if (env.baseImages() != null) {
          for (Map.Entry<String, Report.BaseImage> e : env.baseImages().entrySet()) {
            String id = e.getValue().id() == null ? "?" : e.getValue().id().replaceFirst("^sha256:", "");
            out.println("base        " + e.getKey() + " = " + e.getValue().image() + " (" + id.substring(0, Math.min(12, id.length())) + ")");
          }
        }
      }
      Report.Options o = r.run().options();
      if (o != null) {
        out.println("options     scenarios " + o.scenarios() + ", builders " + o.builders() + ", reps " + o.reps()
            + (o.shard() == null ? "" : ", shard " + o.shard()));
      }
      int builds = 0;
      int ok = 0;
      for (Report.FixtureResult fx : r.fixtures()) {
        for (Report.VariantResult v : fx.variants()) {
          for (Report.BuildResultJson b : v.builds()) {
            builds++;
            ok += "ok".equals(b.status()) ? 1 : 0;
          }
        }
      }
      out.println("contents    " + r.fixtures().size() + " fixtures, " + builds + " builds (" + ok + " ok), " + r.failures().size() + " failures");
      out.flush();
      return ExitCodes.OK;
    }
  }
}
