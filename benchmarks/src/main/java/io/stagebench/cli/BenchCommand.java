package io.stagebench.cli;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.bases.StagebenchHome;
import io.stagebench.fixture.Fixture;
import io.stagebench.report.Report;
import io.stagebench.report.ReportRenderer;
import io.stagebench.run.BenchOptions;
import io.stagebench.run.BenchRunner;
import io.stagebench.run.BenchSession;
import io.stagebench.run.ReportMapper;
import io.stagebench.run.RunIds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stagebench bench}: its options and what it prints; {@link BenchSession} runs it. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
    "Build fixture variants through the engine API and measure final size, layers and",
    "cold / warm / source-edit / deps-edit rebuild times; check each image works; write report.json.",
    "Without options: the default set (go-static and python, every variant, both builders, 1 cold + 3 warm/edit"
        + " samples; --fixtures all for every fixture)."})
final class BenchCommand implements Callable<Integer> {
  /** What {@code stagebench bench} runs with no --fixtures: two patterns, both builders, under 15 minutes here. */
  static final List<String> DEFAULT_FIXTURES = List.of("go-static", "python");

  @Spec CommandSpec spec;
  @Mixin SelectionOptions selection;
  @Mixin AdHocOptions adHoc;
  @Mixin MeasureOptions measure;

  @Option(names = "--fixtures", split = ",", paramLabel = "NAME",
      description = "Fixtures to run, or 'all' (default: the default set go-static,python; with --fixtures-dir: those).")
  List<String> fixtures = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: reports/runs/<run-id>).")
  Path out;

  @Option(names = "--no-analysis", description = "Do not export and analyse each final image (compressed size, waste, residue, broken binaries); saves about a docker save per unit.")
  boolean noAnalysis;

  @Option(names = "--build-timeout", paramLabel = "DURATION", converter = Converters.Durations.class,
      description = "End a build that runs longer (e.g. 600, 90s, 15m): it is recorded as failed and the run goes on (default: none).")
  Duration buildTimeout;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Continue the interrupted run whose report.json is in RUN_DIR: units it measured are kept, the others run; one complete report.")
  Path resume;

  @Option(names = "--no-report", description = "Do not draw charts, summary.md and index.html next to report.json.")
  boolean noReport;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    Path home = StagebenchHome.locate();
    Optional<Report> resumed = Optional.empty();
    BenchOptions options;
    if (resume != null) {
      if (!fixtures.isEmpty() || selection.variants != null || !selection.dirs.fixturesDirs.isEmpty() || adHoc.context != null
          || out != null) {
        throw new StagebenchException(Category.USAGE,
            "--resume continues a run with its own options; leave out --fixtures, --variants, --fixtures-dir, --context and --out");
      }
      Report earlier = BenchSession.resumable(resume);
      resumed = Optional.of(earlier);
      options = usage(() -> ReportMapper.options(earlier, measure.coldReps, measure.keepImages), "--resume: the report's options are not usable: ");
    } else {
      options = usage(this::options, "");
    }
    Optional<Fixture> adHocFixture = adHoc.fixture(options.fixtures(), selection.dirs.fixturesDirs);
    List<Fixture> selected = adHocFixture.isPresent() ? List.of(adHocFixture.get()) : selection.dirs.select(home, options.fixtures());
    Path dir = resume != null ? resume : out != null ? out : home.resolve("reports").resolve("runs").resolve(RunIds.next());
    ProgressPrinter progress = new ProgressPrinter(err);
    BenchSession.Outcome done = new BenchSession(new BenchSession.Plan(selected, options, selection.profile, home, dir,
        resumed, Optional.ofNullable(buildTimeout), !noAnalysis), new BenchSession.Listener() {
          @Override
          public void progress(BenchRunner.Position p) {
            progress.update(p);
          }

          @Override
          public void line(String text) {
            progress.line(text);
          }

          @Override
          public void interrupted(Path reportFile) {
            err.println("\nstagebench: interrupted; partial report in " + StagebenchHome.display(reportFile));
            err.flush();
          }
        }).run();
    progress.done();
    BenchSummary.print(outW, done.report());
    outW.println("report: " + StagebenchHome.display(done.reportFile()));
    if (!noReport) {
      try {
        ReportCommand.render(done.report(), dir, EnumSet.allOf(ReportRenderer.Format.class));
        outW.println("charts and summary: " + StagebenchHome.display(dir.resolve("index.html")));
      } catch (StagebenchException e) {
        err.println("stagebench: report.json is written but the charts are not: " + e.getMessage());
      }
    }
    outW.flush();
    if (done.failedUnits() > 0) {
      err.println("stagebench: " + done.failedUnits() + " variant build(s) failed; see the report's failures");
      return ExitCodes.BUILD_FAILED;
    }
    return ExitCodes.OK;
  }

  private BenchOptions options() {
    List<String> names = fixtures;
    if (names.equals(List.of("all"))) {
      names = List.of();
    } else if (names.isEmpty() && selection.dirs.fixturesDirs.isEmpty() && adHoc.context == null) {
      names = DEFAULT_FIXTURES;
    }
    return measure.toOptions(names, selection.variantNames());
  }

  /** Options that do not fit together are a usage error (exit 2) with {@code prefix} and the reason. */
  private static BenchOptions usage(OptionsSupplier s, String prefix) throws StagebenchException {
    try {
      return s.get();
    } catch (IllegalArgumentException e) {
      throw new StagebenchException(Category.USAGE, prefix + e.getMessage());
    }
  }

  private interface OptionsSupplier {
    BenchOptions get() throws StagebenchException;
  }
}
