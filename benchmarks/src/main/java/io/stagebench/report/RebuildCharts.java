package io.stagebench.report;

import static io.stagebench.report.ChartStyle.OKABE_ITO;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** The charts of rebuilds: wall time per scenario, and how many build steps the cache saved. */
final class RebuildCharts {
  private final ReportData d;

  RebuildCharts(ReportData d) {
    this.d = d;
  }

  /** Mean rebuild time with ±1 stddev per fixture/variant and builder, or null when nothing measured it. */
  ReportCharts.NamedChart rebuild(String scenario) {
    // One category per fixture/variant that measured the scenario, one bar per builder: single
    // against multi-stage reads along the axis, classic against BuildKit within each pair.
    List<String> fx = new ArrayList<>();
    List<String[]> pairs = new ArrayList<>();
    for (String f : d.fixtures) {
      for (String v : d.variants) {
        boolean any = d.units.stream().anyMatch(u -> u.fixture().equals(f) && u.variant().equals(v)
            && ReportData.scenario(u, scenario) != null);
        if (any) {
          pairs.add(new String[] {f, v});
          if (!fx.contains(f)) {
            fx.add(f);
          }
        }
      }
    }
    if (pairs.isEmpty()) {
      return null;
    }
    List<String> builders = d.builders.stream().filter(b -> d.units.stream()
        .anyMatch(u -> u.builder().equals(b) && ReportData.scenario(u, scenario) != null)).toList();
    List<String> cats = pairs.stream().map(p -> p[0] + "/" + p[1]).toList();
    boolean spread = d.units.stream().map(u -> ReportData.scenario(u, scenario))
        .anyMatch(r -> r != null && r.stats() != null && r.stats().n() > 1);
    CategoryChart c = ChartStyle.category("Rebuild time, " + scenario + ": mean with ±1 stddev whiskers"
            + (spread ? "" : " (one sample each: no spread)"), "Fixture / variant",
        "Wall time (s)", cats.size(), builders.size());
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisDecimalPattern("#,##0.#");
    c.getStyler().setErrorBarsColor(Color.BLACK);
    c.getStyler().setErrorBarsColorSeriesColor(false);
    c.getStyler().setXAxisLabelRotation(cats.size() > 4 ? 40 : 0);
    List<List<String>> rows = new ArrayList<>();
    for (String b : builders) {
      List<Double> ys = new ArrayList<>();
      List<Double> err = new ArrayList<>();
      for (String[] p : pairs) {
        Report.Stats st = null;
        for (ReportData.Unit u : d.units) {
          if (u.fixture().equals(p[0]) && u.variant().equals(p[1]) && u.builder().equals(b)) {
            Report.ScenarioResult r = ReportData.scenario(u, scenario);
            st = r == null ? null : r.stats();
          }
        }
        // XChart cannot draw a gap with error bars: a missing measurement is a zero-height bar (the table says why)
        ys.add(st == null ? 0.0 : st.mean() / 1000.0);
        err.add(st == null ? 0.0 : st.stddev() / 1000.0);
      }
      CategorySeries cs = c.addSeries(b, cats, ys, err);
      cs.setFillColor(OKABE_ITO[b.equals("buildkit") ? 1 : 0]);
    }
    for (String f : fx) {
      for (ReportData.Unit u : d.units) {
        Report.ScenarioResult r = u.fixture().equals(f) ? ReportData.scenario(u, scenario) : null;
        if (r != null) {
          Report.Stats st = r.stats();
          rows.add(List.of(f, u.variant(), u.builder(), ReportData.seconds(st.mean()), ReportData.seconds(st.stddev()),
              ReportData.seconds(st.median()), ReportData.seconds(st.min()), ReportData.seconds(st.max()), Integer.toString(st.n())));
        }
      }
    }
    ReportData.Table t = new ReportData.Table("Rebuild time: " + scenario,
        List.of("Fixture", "Variant", "Builder", "Mean", "Stddev", "Median", "Min", "Max", "n"),
        new boolean[] {false, false, false, true, true, true, true, true, true}, rows);
    return ReportCharts.named("rebuild-" + scenario, c, t);
  }

  /** Build steps executed against cached per scenario and variant, or null when no sample has steps. */
  ReportCharts.NamedChart cache() {
    List<String> cats = new ArrayList<>();
    List<Double> executed = new ArrayList<>();
    List<Double> cached = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (String s : d.scenarios) {
      for (String v : d.variants) {
        double ex = 0;
        double ca = 0;
        int n = 0;
        for (ReportData.Unit u : d.units) {
          Report.ScenarioResult r = u.variant().equals(v) ? ReportData.scenario(u, s) : null;
          if (r == null || r.samples() == null || r.samples().isEmpty()) {
            continue;
          }
          double uex = r.samples().stream().mapToInt(Report.Sample::stepsExecuted).average().orElse(0);
          double uca = r.samples().stream().mapToInt(Report.Sample::stepsCached).average().orElse(0);
          double utot = r.samples().stream().mapToInt(Report.Sample::stepsTotal).average().orElse(0);
          ex += uex;
          ca += uca;
          n++;
          rows.add(List.of(s, u.fixture(), v, u.builder(), ReportData.num(utot), ReportData.num(uex), ReportData.num(uca),
              utot > 0 ? ReportData.pct(100 * uca / utot) : ""));
        }
        if (n > 0) {
          cats.add(s + " · " + v);
          executed.add(ex / n);
          cached.add(ca / n);
        }
      }
    }
    if (cats.isEmpty()) {
      return null;
    }
    CategoryChart c = ChartStyle.category("Cache effectiveness: build steps executed vs cached (mean per build)",
        "Scenario / variant", "Build steps per build", cats.size(), 1);
    c.getStyler().setStacked(true);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisDecimalPattern("#,##0");
    c.addSeries("executed", cats, executed).setFillColor(OKABE_ITO[5]);
    c.addSeries("cached", cats, cached).setFillColor(OKABE_ITO[4]);
    ReportData.Table t = new ReportData.Table("Cache effectiveness (steps per build, mean over samples)",
        List.of("Scenario", "Fixture", "Variant", "Builder", "Steps", "Executed", "Cached", "Cached share"),
        new boolean[] {false, false, false, false, true, true, true, true}, rows);
    return ReportCharts.named("cache", c, t);
  }
}
