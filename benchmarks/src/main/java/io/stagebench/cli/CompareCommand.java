package io.stagebench.cli;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.report.Comparison;
import io.stagebench.report.ComparisonRenderer;
import io.stagebench.report.Report;
import io.stagebench.report.ReportStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench compare}: a report against a baseline; exit 1 on regression. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Compare CURRENT.json with BASELINE.json per fixture, variant, builder and scenario: image size change, "
        + "and mean time change tested with Welch's t-test. A regression is a change beyond every threshold (and significant, "
        + "for times); exit 1 when anything regressed, 0 otherwise. Environment changes are stated first. "
        + "Files that are not reports, or reports of another schema version, are refused with exit 3.")
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASELINE.json", description = "The reference report, e.g. reports/baseline/report.json.")
  Path baseline;

  @Parameters(index = "1", paramLabel = "CURRENT.json", description = "The report to judge.")
  Path current;

  @Option(names = "--max-size-increase", defaultValue = "1%", paramLabel = "PCT",
      description = "An image size change beyond this is a regression (default: ${DEFAULT-VALUE}).")
  String maxSizeIncrease;

  @Option(names = "--max-time-increase", defaultValue = "20%", paramLabel = "PCT",
      description = "A mean time change must exceed this percentage (default: ${DEFAULT-VALUE}) ...")
  String maxTimeIncrease;

  @Option(names = "--min-time-delta", defaultValue = "250ms", paramLabel = "DURATION",
      description = "... and this duration, e.g. 250ms, 1.5s (default: ${DEFAULT-VALUE}) ...")
  String minTimeDelta;

  @Option(names = "--alpha", defaultValue = "0.05",
      description = "... and be significant: two-sided Welch p-value below this (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
  ComparisonRenderer.Format format;

  @Override
  public Integer call() throws Exception {
    Comparison.Thresholds th = new Comparison.Thresholds(
        percent("--max-size-increase", maxSizeIncrease), percent("--max-time-increase", maxTimeIncrease),
        millis("--min-time-delta", minTimeDelta), alpha(alpha));
    Report base = ReportStore.read(baseline);
    Report cur = ReportStore.read(current);
    Comparison.Result result = Comparison.compare(base, cur, th);
    spec.commandLine().getOut().print(ComparisonRenderer.render(result, format));
    spec.commandLine().getOut().flush();
    return result.regressed() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }

  private static final Pattern PERCENT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*%?\\s*");
  private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?\\s*");

  /** "1%", "1.5%" or "1" as a percentage. */
  static double percent(String option, String value) throws StagebenchException {
    Matcher m = PERCENT.matcher(value);
    if (!m.matches()) {
      throw new StagebenchException(Category.USAGE, option + " takes a percentage such as 1% or 2.5%, not \"" + value + "\"");
    }
    return Double.parseDouble(m.group(1));
  }

  /** "250ms", "1.5s", "2m" or "250" (milliseconds) in milliseconds. */
  static double millis(String option, String value) throws StagebenchException {
    Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new StagebenchException(Category.USAGE, option + " takes a duration such as 250ms or 1.5s, not \"" + value + "\"");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> n * 1000;
      case "m" -> n * 60_000;
      default -> n;
    };
  }

  static double alpha(double a) throws StagebenchException {
    if (!(a > 0 && a < 1)) {
      throw new StagebenchException(Category.USAGE, "--alpha must be between 0 and 1 (exclusive), e.g. 0.05, not " + a);
    }
    return a;
  }
}
