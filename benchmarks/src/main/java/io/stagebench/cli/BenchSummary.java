package io.stagebench.cli;

import io.stagebench.Units;
import io.stagebench.report.Report;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The summary table printed after a run, from the report itself. */
final class BenchSummary {
  static final List<String> SCENARIOS = List.of("cold", "warm", "source-edit", "deps-edit");

  private BenchSummary() {}

  static void print(PrintWriter out, Report r) {
    out.printf("%-11s %-19s %-8s %9s %8s %10s %10s %12s %10s  %s%n", "FIXTURE", "VARIANT", "BUILDER", "SIZE", "VS SINGLE",
        "COLD", "WARM", "SOURCE-EDIT", "DEPS-EDIT", "SMOKE");
    for (Report.FixtureResult f : r.fixtures()) {
      for (Report.VariantResult v : f.variants()) {
        for (Report.BuildResultJson b : v.builds()) {
          String vs = "";
          if (f.comparisons() != null) {
            vs = f.comparisons().stream().filter(c -> c.variant().equals(v.name()) && c.builder().equals(b.builder()))
                .findFirst().map(c -> String.format(Locale.ROOT, "%+.1f%%", -c.sizeReductionPercent())).orElse("");
          }
          StringBuilder times = new StringBuilder();
          for (String s : SCENARIOS) {
            Report.ScenarioResult sr = b.scenarios() == null ? null : b.scenarios().get(s);
            String t = sr == null || sr.stats() == null ? "-" : Units.millis(Math.round(sr.stats().mean()))
                + (sr.stats().n() > 1 ? "±" + Units.millis(Math.round(sr.stats().stddev())) : "");
            times.append(String.format(s.equals("source-edit") ? "%12s " : "%10s ", t));
          }
          String smoke = b.status().equals("skipped") ? "skipped: " + b.reason()
              : b.status().equals("failed") ? "FAILED: " + b.reason()
              : b.smoke() == null ? "-" : b.smoke().passed() ? "pass" : "FAIL";
          out.printf("%-11s %-19s %-8s %9s %8s %s %s%n", f.name(), v.name(), b.builder(),
              b.image() == null ? "-" : Units.bytes(b.image().sizeBytes()), vs, times, smoke);
        }
      }
    }
    Report.Engine e = r.environment() == null ? null : r.environment().engine();
    if (e != null) {
      StringBuilder line = new StringBuilder("engine: " + ("podman".equals(e.kind()) ? "Podman " : "Docker ") + e.version()
          + ", " + e.storageDriver() + " (" + e.imageStoreOrDefault() + ")");
      if (e.calibration() != null && e.calibration().millis() != null) {
        line.append("; calibration build (").append(e.calibration().build()).append("):");
        e.calibration().millis().forEach((b, ms) -> line.append(' ').append(b).append(' ').append(Units.millis(ms)));
      }
      out.println(line);
    }
    out.flush();
  }
}
