package io.stagebench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stagebench.Units;
import io.stagebench.report.Comparison.Result;
import io.stagebench.report.Comparison.SizeChange;
import io.stagebench.report.Comparison.StatusChange;
import io.stagebench.report.Comparison.TimeChange;
import io.stagebench.report.Comparison.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Comparison.Result} as text, Markdown (for a pull-request comment or a job
 * summary) or JSON. Every format leads with the verdict, then the environment changes, then the
 * regressions, then improvements and the rest.
 */
public final class ComparisonRenderer {
  private ComparisonRenderer() {}

  /** Output formats. */
  public enum Format { TEXT, MARKDOWN, JSON }

  public static String render(Result r, Format format) {
    return switch (format) {
      case TEXT -> text(r);
      case MARKDOWN -> markdown(r);
      case JSON -> json(r);
    };
  }

  static String json(Result r) {
    try {
      return ReportStore.MAPPER.writeValueAsString(r) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String headline(Result r) {
    int regressions = r.regressionCount();
    long improvements = r.sizes().stream().filter(s -> s.verdict() == Verdict.IMPROVEMENT).count()
        + r.times().stream().filter(s -> s.verdict() == Verdict.IMPROVEMENT).count()
        + r.statuses().stream().filter(s -> s.verdict() == Verdict.IMPROVEMENT).count();
    String verdict = regressions > 0 ? "REGRESSED: " + regressions + " regression(s)" : "OK: no regression";
    return verdict + ", " + improvements + " improvement(s); " + r.sizes().size() + " image size(s) and "
        + r.times().size() + " scenario time(s) compared (run " + r.currentRun() + " against baseline " + r.baselineRun() + ")";
  }

  static String thresholdsLine(Result r) {
    Comparison.Thresholds t = r.thresholds();
    return String.format(Locale.ROOT,
        "thresholds: size > %s%%; time > %s%% and > %s ms and Welch's t-test p < %s",
        num(t.maxSizeIncreasePercent()), num(t.maxTimeIncreasePercent()), num(t.minTimeDeltaMillis()), num(t.alpha()));
  }

  static String text(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(headline(r)).append('\n');
    if (!r.environment().isEmpty()) {
      sb.append("environment changed (numbers may differ for that reason):\n");
      r.environment().forEach(e -> sb.append("  ").append(e).append('\n'));
    }
    sb.append(thresholdsLine(r)).append('\n');
    for (Verdict v : List.of(Verdict.REGRESSION, Verdict.IMPROVEMENT)) {
      List<String> lines = new ArrayList<>();
      r.statuses().stream().filter(s -> s.verdict() == v).forEach(s -> lines.add(statusLine(s)));
      r.sizes().stream().filter(s -> s.verdict() == v).forEach(s -> lines.add(sizeLine(s)));
      r.times().stream().filter(s -> s.verdict() == v).forEach(s -> lines.add(timeLine(s)));
      if (!lines.isEmpty()) {
        sb.append(v == Verdict.REGRESSION ? "regressions:\n" : "improvements:\n");
        lines.forEach(l -> sb.append("  ").append(l).append('\n'));
      }
    }
    if (!r.added().isEmpty()) {
      sb.append("added: ").append(String.join(", ", r.added())).append('\n');
    }
    if (!r.removed().isEmpty()) {
      sb.append("removed: ").append(String.join(", ", r.removed())).append('\n');
    }
    List<String> rest = new ArrayList<>();
    r.statuses().stream().filter(s -> s.verdict() == Verdict.UNCHANGED).forEach(s -> rest.add(statusLine(s)));
    r.sizes().stream().filter(s -> s.verdict() == Verdict.UNCHANGED || s.verdict() == Verdict.NOT_TESTED)
        .forEach(s -> rest.add(sizeLine(s)));
    r.times().stream().filter(s -> s.verdict() == Verdict.UNCHANGED || s.verdict() == Verdict.NOT_TESTED)
        .forEach(s -> rest.add(timeLine(s)));
    if (!rest.isEmpty()) {
      sb.append("unchanged or not tested:\n");
      rest.forEach(l -> sb.append("  ").append(l).append('\n'));
    }
    return sb.toString();
  }

  private static String statusLine(StatusChange s) {
    return "build " + s.unit() + ": " + s.baselineStatus() + " -> " + s.currentStatus();
  }

  private static String sizeLine(SizeChange s) {
    return String.format(Locale.ROOT, "size %s: %s -> %s (%s, %s)%s", s.unit(), Units.bytes(s.baselineBytes()), Units.bytes(s.currentBytes()),
        signedBytes(s.deltaBytes()), pct(s.deltaPercent()), s.note() == null ? "" : "; not compared: " + s.note());
  }

  private static String timeLine(TimeChange t) {
    return String.format(Locale.ROOT, "time %s: %s -> %s (%s, %s; %s)", t.unit(), ms(t.baselineMeanMillis()), ms(t.currentMeanMillis()),
        signedMs(t.deltaMillis()), pct(t.deltaPercent()), testNote(t));
  }

  private static String testNote(TimeChange t) {
    if (t.p() == null) {
      return t.note();
    }
    return String.format(Locale.ROOT, "n %d vs %d, t = %.2f, df = %.1f, p = %s", t.baselineN(), t.currentN(), t.t(), t.df(), pValue(t.p()));
  }

  static String markdown(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append("## stagebench compare: ").append(r.regressed() ? "regressed" : "no regression").append("\n\n");
    sb.append(headline(r)).append(".\n\n");
    if (!r.environment().isEmpty()) {
      sb.append("> **Environment changed**: the numbers may differ for that reason.\n");
      r.environment().forEach(e -> sb.append("> - ").append(md(e)).append('\n'));
      sb.append('\n');
    }
    sb.append("_").append(thresholdsLine(r)).append("_\n\n");
    for (Verdict v : List.of(Verdict.REGRESSION, Verdict.IMPROVEMENT)) {
      List<StatusChange> st = r.statuses().stream().filter(s -> s.verdict() == v).toList();
      List<SizeChange> sz = r.sizes().stream().filter(s -> s.verdict() == v).toList();
      List<TimeChange> tm = r.times().stream().filter(s -> s.verdict() == v).toList();
      if (st.isEmpty() && sz.isEmpty() && tm.isEmpty()) {
        continue;
      }
      sb.append(v == Verdict.REGRESSION ? "### Regressions\n\n" : "### Improvements\n\n");
      st.forEach(s -> sb.append("- build `").append(s.unit()).append("`: ").append(s.baselineStatus())
          .append(" → **").append(s.currentStatus()).append("**\n"));
      if (!st.isEmpty()) {
        sb.append('\n');
      }
      sizeTable(sb, sz);
      timeTable(sb, tm);
    }
    if (!r.added().isEmpty() || !r.removed().isEmpty()) {
      sb.append("### Added and removed\n\n");
      r.added().forEach(a -> sb.append("- added: `").append(a).append("`\n"));
      r.removed().forEach(a -> sb.append("- removed: `").append(a).append("`\n"));
      sb.append('\n');
    }
    List<SizeChange> sz = r.sizes().stream().filter(s -> s.verdict() == Verdict.UNCHANGED || s.verdict() == Verdict.NOT_TESTED).toList();
    List<TimeChange> tm = r.times().stream().filter(s -> s.verdict() == Verdict.UNCHANGED || s.verdict() == Verdict.NOT_TESTED).toList();
    List<StatusChange> st = r.statuses().stream().filter(s -> s.verdict() == Verdict.UNCHANGED).toList();
    if (!sz.isEmpty() || !tm.isEmpty() || !st.isEmpty()) {
      sb.append("<details><summary>Unchanged or not tested (").append(sz.size() + tm.size() + st.size())
          .append(")</summary>\n\n");
      st.forEach(s -> sb.append("- build `").append(s.unit()).append("`: ").append(s.baselineStatus())
          .append(" → ").append(s.currentStatus()).append("\n"));
      if (!st.isEmpty()) {
        sb.append('\n');
      }
      sizeTable(sb, sz);
      timeTable(sb, tm);
      sb.append("</details>\n");
    }
    return sb.toString();
  }

  private static void sizeTable(StringBuilder sb, List<SizeChange> sz) {
    if (sz.isEmpty()) {
      return;
    }
    sb.append("| image | baseline | current | change | % |\n| --- | ---: | ---: | ---: | ---: |\n");
    for (SizeChange s : sz) {
      sb.append("| `").append(s.unit()).append("` | ").append(Units.bytes(s.baselineBytes())).append(" | ")
          .append(Units.bytes(s.currentBytes())).append(" | ").append(signedBytes(s.deltaBytes())).append(" | ")
          .append(pct(s.deltaPercent())).append(s.note() == null ? "" : " (not compared: " + s.note() + ")").append(" |\n");
    }
    sb.append('\n');
  }

  private static void timeTable(StringBuilder sb, List<TimeChange> tm) {
    if (tm.isEmpty()) {
      return;
    }
    sb.append("| scenario | baseline mean | current mean | change | % | test |\n| --- | ---: | ---: | ---: | ---: | --- |\n");
    for (TimeChange t : tm) {
      sb.append("| `").append(t.unit()).append("` | ").append(ms(t.baselineMeanMillis())).append(" | ")
          .append(ms(t.currentMeanMillis())).append(" | ").append(signedMs(t.deltaMillis())).append(" | ")
          .append(pct(t.deltaPercent())).append(" | ").append(md(testNote(t))).append(" |\n");
    }
    sb.append('\n');
  }

  private static String md(String s) {
    return s.replace("|", "\\|");
  }

  private static String signedBytes(long b) {
    return (b > 0 ? "+" : b < 0 ? "-" : "±") + Units.bytes(Math.abs(b)) + " (" + (b > 0 ? "+" : "") + b + " bytes)";
  }

  private static String ms(double m) {
    return m >= 10_000 ? String.format(Locale.ROOT, "%.1f s", m / 1000) : String.format(Locale.ROOT, "%.0f ms", m);
  }

  private static String signedMs(double m) {
    return (m > 0 ? "+" : m < 0 ? "-" : "±") + ms(Math.abs(m));
  }

  private static String pct(double p) {
    if (Double.isInfinite(p)) {
      return "new";
    }
    return String.format(Locale.ROOT, "%+.2f%%", p);
  }

  private static String pValue(double p) {
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
