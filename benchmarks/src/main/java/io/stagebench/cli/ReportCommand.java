package io.stagebench.cli;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.bases.StagebenchHome;
import io.stagebench.report.Report;
import io.stagebench.report.ReportRenderer;
import io.stagebench.report.ReportStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench report}: charts, summary.md and index.html from a report.json. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {
      "Draw charts (PNG, SVG), summary.md and a self-contained index.html from a report.json.",
      "With --docs: regenerate the committed reports/docs/ (PNG charts and summary.md unless --formats;",
      "byte-identical for the same report) and keep a copy of REPORT.json there as reports/docs/report.json."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPORT.json", description = "The report to render.")
  Path input;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: the report's directory; with --docs: reports/docs).")
  Path out;

  @Option(names = "--formats", split = ",", paramLabel = "F", defaultValue = "png,svg,md,html",
      description = "Any of png, svg, md, html (default: ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--docs", description = "Write into <checkout>/reports/docs/ (unless --out).")
  boolean docs;

  @Override
  public Integer call() throws Exception {
    Set<ReportRenderer.Format> fs = EnumSet.noneOf(ReportRenderer.Format.class);
    try {
      for (String f : formats) {
        fs.add(ReportRenderer.Format.of(f));
      }
    } catch (IllegalArgumentException e) {
      throw new StagebenchException(Category.USAGE, e.getMessage());
    }
    Report report = ReportStore.read(input);
    Path dir = out != null ? out
        : docs ? StagebenchHome.locate().resolve("reports").resolve("docs")
        : input.toAbsolutePath().getParent();
    boolean intoDocs = docs && out == null;
    if (intoDocs && !spec.commandLine().getParseResult().hasMatchedOption("--formats")) {
      fs = DOCS_FORMATS;
    }
    List<Path> written = intoDocs ? renderDocs(report, input, dir, fs) : render(report, dir, fs);
    PrintWriter w = spec.commandLine().getOut();
    w.println("wrote " + written.size() + " file(s) to " + StagebenchHome.display(dir));
    w.flush();
    return ExitCodes.OK;
  }

  /**
   * What the committed docs hold: the PNGs the README shows and summary.md. The SVGs and index.html
   * (several MB for a full run, all derived from report.json) are drawn for runs, not committed.
   */
  static final Set<ReportRenderer.Format> DOCS_FORMATS =
      Collections.unmodifiableSet(EnumSet.of(ReportRenderer.Format.PNG, ReportRenderer.Format.MD));

  /**
   * Renders the docs into {@code docsDir} and keeps the report they were drawn from there as
   * {@code report.json} (unless it is that file), so {@code report reports/docs/report.json --docs}
   * redraws them.
   */
  static List<Path> renderDocs(Report report, Path source, Path docsDir, Set<ReportRenderer.Format> fs)
      throws StagebenchException, IOException {
    List<Path> written = new ArrayList<>(render(report, docsDir, fs));
    Path kept = docsDir.resolve("report.json");
    if (!Files.exists(kept) || !Files.isSameFile(kept, source)) {
      ReportStore.writeBytes(kept, Files.readAllBytes(source));
      written.add(kept);
    }
    return written;
  }

  /** Renders and maps a write failure to an environment error. */
  static List<Path> render(Report report, Path dir, Set<ReportRenderer.Format> fs) throws StagebenchException {
    try {
      return ReportRenderer.render(report, dir, fs);
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot write the report files to " + dir + ": " + e.getMessage()
          + "; choose a writable --out");
    }
  }
}
