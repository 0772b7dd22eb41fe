package io.stagebench.report;

import io.stagebench.Units;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The five report charts, each with the table behind it. Sizes, fonts and colours are fixed so
 * the same report always draws the same pixels; widths grow with the number of categories.
 */
final class ReportCharts {
  /** A chart, the file stem it is written under and the table of its numbers. */
  record NamedChart(String name, String title, Chart<?, ?> chart, int width, int height, ReportData.Table table) {}

  /** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
  static final Color[] OKABE_ITO = {
    new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
    new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
  };
  static final Color BASE_GREY = new Color(0x999999);

  /** DejaVu Sans when the JVM has it (Debian's fonts-dejavu-core), else the logical SansSerif. */
  static final String FONT_FAMILY = Arrays.asList(
      GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()).contains("DejaVu Sans")
      ? "DejaVu Sans" : Font.SANS_SERIF;

  private static final int HEIGHT = 560;

  private final ReportData d;

  ReportCharts(ReportData d) {
    this.d = d;
  }

  List<NamedChart> all() {
    List<NamedChart> out = new ArrayList<>();
    if (d.units.isEmpty()) {
      return out;
    }
    out.add(size());
    out.add(composition());
    for (String s : d.scenarios) {
      NamedChart c = rebuild(s);
      if (c != null) {
        out.add(c);
      }
    }
    NamedChart cache = cache();
    if (cache != null) {
      out.add(cache);
    }
    NamedChart t = tradeoff();
    if (t != null) {
      out.add(t);
    }
    return out;
  }

  private static int width(int categories, int seriesPerCategory) {
    int w = 260 + categories * Math.max(1, seriesPerCategory) * 34 + categories * 30;
    return Math.max(900, Math.min(2400, w));
  }

  private static void style(Styler s, int categories) {
    s.setBaseFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
    s.setChartTitleFont(new Font(FONT_FAMILY, Font.BOLD, 16));
    s.setLegendFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(new Color(0xBBBBBB));
    s.setChartFontColor(Color.BLACK);
    s.setChartTitleBoxBackgroundColor(Color.WHITE);
    s.setChartTitleBoxBorderColor(Color.WHITE);
    s.setLegendBorderColor(new Color(0xBBBBBB));
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setSeriesColors(OKABE_ITO);
    s.setAntiAlias(true);
    s.setToolTipsEnabled(false);
  }

  private static void styleAxes(org.knowm.xchart.style.AxesChartStyler s, int categories) {
    s.setAxisTitleFont(new Font(FONT_FAMILY, Font.PLAIN, 13));
    s.setAxisTickLabelsFont(new Font(FONT_FAMILY, Font.PLAIN, 11));
    s.setPlotGridVerticalLinesVisible(false);
    s.setPlotGridLinesColor(new Color(0xE0E0E0));
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    if (categories > 6) {
      s.setXAxisLabelRotation(40);
    }
  }

  private CategoryChart category(String title, String x, String y, int categories, int series) {
    CategoryChart c = new CategoryChartBuilder().width(width(categories, series)).height(HEIGHT)
        .title(title).xAxisTitle(x).yAxisTitle(y).build();
    style(c.getStyler(), categories);
    styleAxes(c.getStyler(), categories);
    if (series > 4) {
      // A row of more than four entries does not fit under a narrow chart: list them on the right.
      c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
      c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    }
    return c;
  }

  /** One size per fixture and variant, in report order (the first builder that measured it). */
  private List<ReportData.Unit> sizeUnits() {
    List<ReportData.Unit> us = new ArrayList<>();
    for (String f : d.measuredFixtures()) {
      for (String v : d.variants) {
        ReportData.Unit u = d.sizeUnit(f, v);
        if (u != null) {
          us.add(u);
        }
      }
    }
    return us;
  }

  private NamedChart size() {
    // One bar per fixture/variant (a fixture may have one variant or six: slots per variant name
    // across fixtures would leave most of the plot empty), coloured single-stage against multi-stage.
    List<String> fx = d.measuredFixtures();
    List<ReportData.Unit> us = sizeUnits();
    List<String> cats = new ArrayList<>();
    for (ReportData.Unit u : us) {
      Double p = d.reductionPercent(u);
      cats.add(u.label() + (p == null || u.variant().equals("single") ? "" : String.format(java.util.Locale.ROOT, " %+.0f%%", -p)));
    }
    double min = Double.MAX_VALUE;
    double max = 0;
    for (ReportData.Unit u : d.units) {
      double mb = u.image().sizeBytes() / 1e6;
      min = Math.min(min, mb);
      max = Math.max(max, mb);
    }
    boolean log = min > 0 && max / min >= 20;
    CategoryChart c = category("Final image size per fixture" + (log ? " (log scale)" : ""),
        "Fixture / variant (reduction against single)", "Image size (MB)", cats.size(), 1);
    c.getStyler().setOverlapped(true);
    c.getStyler().setYAxisLogarithmic(log);
    c.getStyler().setLabelsVisible(cats.size() <= 48);
    c.getStyler().setLabelsFont(new Font(FONT_FAMILY, Font.PLAIN, 10));
    c.getStyler().setLabelsPosition(1.0);
    c.getStyler().setLabelsRotation(0);
    c.getStyler().setXAxisLabelRotation(cats.size() > 4 ? 40 : 0);
    c.getStyler().setDecimalPattern("#,##0.#");
    c.getStyler().setYAxisDecimalPattern("#,##0.#");
    if (log) {
      // bars start at the axis minimum; XChart would put it at 0, which a log axis cannot show
      c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
      c.getStyler().setYAxisMax(max * 2.5);
    } else {
      c.getStyler().setYAxisMin(0.0);
    }
    List<Double> single = new ArrayList<>();
    List<Double> multi = new ArrayList<>();
    for (ReportData.Unit u : us) {
      Double mb = u.image().sizeBytes() / 1e6;
      single.add(u.variant().equals("single") ? mb : null);
      multi.add(u.variant().equals("single") ? null : mb);
    }
    if (single.stream().anyMatch(java.util.Objects::nonNull)) {
      c.addSeries("single-stage", cats, single).setFillColor(OKABE_ITO[0]);
    }
    if (multi.stream().anyMatch(java.util.Objects::nonNull)) {
      c.addSeries("multi-stage", cats, multi).setFillColor(OKABE_ITO[1]);
    }
    List<List<String>> rows = new ArrayList<>();
    for (String f : fx) {
      for (String v : d.variants) {
        for (ReportData.Unit u : d.units) {
          if (u.fixture().equals(f) && u.variant().equals(v)) {
            rows.add(List.of(f, v, u.builder(), Units.bytes(u.image().sizeBytes()), Long.toString(u.image().sizeBytes()),
                Integer.toString(u.image().layerCount()), ReportData.pct(d.reductionPercent(u))));
          }
        }
      }
    }
    ReportData.Table t = new ReportData.Table("Final image size",
        List.of("Fixture", "Variant", "Builder", "Size", "Bytes", "Layers", "Reduction vs single"),
        new boolean[] {false, false, false, true, true, true, true}, rows);
    return new NamedChart("size", c.getTitle(), c, c.getWidth(), c.getHeight(), t);
  }

  private Color originColor(String origin, List<String> origins) {
    if (origin.equals("base")) {
      return BASE_GREY;
    }
    if (origin.equals("final")) {
      return OKABE_ITO[0];
    }
    if (origin.equals("unknown")) {
      return new Color(0xDDDDDD);
    }
    int i = 0;
    for (String o : origins) {
      if (o.startsWith("stage:")) {
        if (o.equals(origin)) {
          break;
        }
        i++;
      }
    }
    Color[] stageColors = {OKABE_ITO[1], OKABE_ITO[2], OKABE_ITO[3], OKABE_ITO[5], OKABE_ITO[4], OKABE_ITO[6], OKABE_ITO[7]};
    // past seven stage names, lighter tints of the same hues keep every legend entry distinct
    Color col = stageColors[i % stageColors.length];
    return i < stageColors.length ? col : lighter(col);
  }

  private NamedChart composition() {
    List<ReportData.Unit> us = sizeUnits();
    List<String> cats = us.stream().map(ReportData.Unit::label).toList();
    List<String> origins = d.origins();
    CategoryChart c = category("What the final image is made of: bytes by layer origin", "Fixture / variant",
        "Size (MB)", cats.size(), 1);
    c.getStyler().setStacked(true);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisDecimalPattern("#,##0");
    c.getStyler().setXAxisLabelRotation(cats.size() > 4 ? 40 : 0);
    List<List<String>> rows = new ArrayList<>();
    for (String o : origins) {
      List<Double> ys = new ArrayList<>();
      for (ReportData.Unit u : us) {
        ys.add(d.composition(u).getOrDefault(o, 0L) / 1e6);
      }
      String legend = switch (o) {
        case "base" -> "base image";
        case "final" -> "final stage's own instructions";
        case "unknown" -> "origin unknown";
        default -> o.replace("stage:", "COPY --from ");
      };
      CategorySeries s = c.addSeries(legend, cats, ys);
      s.setFillColor(originColor(o, origins));
    }
    for (ReportData.Unit u : us) {
      for (Map.Entry<String, Long> e : d.composition(u).entrySet()) {
        long layers = ReportData.nz(u.image().layers()).stream().filter(l -> ReportData.origin(l).equals(e.getKey())).count();
        rows.add(List.of(u.fixture(), u.variant(), u.builder(), e.getKey(), Long.toString(layers), Units.bytes(e.getValue()),
            Long.toString(e.getValue())));
      }
    }
    ReportData.Table t = new ReportData.Table("Composition of the final image by layer origin",
        List.of("Fixture", "Variant", "Builder", "Origin", "Layers", "Size", "Bytes"),
        new boolean[] {false, false, false, false, true, true, true}, rows);
    return new NamedChart("composition", c.getTitle(), c, c.getWidth(), c.getHeight(), t);
  }

  private NamedChart rebuild(String scenario) {
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
    CategoryChart c = category("Rebuild time, " + scenario + ": mean with ±1 stddev whiskers"
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
    return new NamedChart("rebuild-" + scenario, c.getTitle(), c, c.getWidth(), c.getHeight(), t);
  }

  private static Color lighter(Color c) {
    return new Color((c.getRed() + 255 * 2) / 3, (c.getGreen() + 255 * 2) / 3, (c.getBlue() + 255 * 2) / 3);
  }

  private NamedChart cache() {
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
    CategoryChart c = category("Cache effectiveness: build steps executed vs cached (mean per build)", "Scenario / variant",
        "Build steps per build", cats.size(), 1);
    c.getStyler().setStacked(true);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisDecimalPattern("#,##0");
    c.addSeries("executed", cats, executed).setFillColor(OKABE_ITO[5]);
    c.addSeries("cached", cats, cached).setFillColor(OKABE_ITO[4]);
    ReportData.Table t = new ReportData.Table("Cache effectiveness (steps per build, mean over samples)",
        List.of("Scenario", "Fixture", "Variant", "Builder", "Steps", "Executed", "Cached", "Cached share"),
        new boolean[] {false, false, false, false, true, true, true, true}, rows);
    return new NamedChart("cache", c.getTitle(), c, c.getWidth(), c.getHeight(), t);
  }

  private NamedChart tradeoff() {
    String scenario = d.scenarios.contains("source-edit") ? "source-edit" : null;
    if (scenario == null) {
      return null;
    }
    XYChart c = new XYChartBuilder().width(1100).height(HEIGHT)
        .title("Trade-off: final size vs source-edit rebuild time (one point per fixture and variant)")
        .xAxisTitle("Source-edit rebuild, mean (s)").yAxisTitle("Final image size (MB)").build();
    style(c.getStyler(), 0);
    styleAxes(c.getStyler(), 0);
    c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(11);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    c.getStyler().setAnnotationTextFont(new Font(FONT_FAMILY, Font.PLAIN, 10));
    c.getStyler().setAnnotationTextFontColor(new Color(0x444444));
    List<double[]> points = new ArrayList<>();
    List<String> pointNames = new ArrayList<>();
    c.getStyler().setXAxisMin(0.0);
    c.getStyler().setYAxisDecimalPattern("#,##0");
    c.getStyler().setXAxisDecimalPattern("#,##0.#");
    List<List<String>> rows = new ArrayList<>();
    double min = Double.MAX_VALUE;
    double max = 0;
    int i = 0;
    org.knowm.xchart.style.markers.Marker[] markers = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
    boolean anySeries = false;
    for (String v : d.variants) {
      for (String b : d.builders) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (ReportData.Unit u : d.units) {
          Report.ScenarioResult r = u.variant().equals(v) && u.builder().equals(b) ? ReportData.scenario(u, scenario) : null;
          if (r != null) {
            xs.add(r.stats().mean() / 1000.0);
            double mb = u.image().sizeBytes() / 1e6;
            ys.add(mb);
            min = Math.min(min, mb);
            max = Math.max(max, mb);
            rows.add(List.of(u.fixture(), v, b, Units.bytes(u.image().sizeBytes()), ReportData.seconds(r.stats().mean())));
            if (b.equals(d.builders.get(0))) {
              points.add(new double[] {r.stats().mean() / 1000.0, mb});
              pointNames.add(u.fixture());
            }
          }
        }
        if (!xs.isEmpty()) {
          XYSeries s = c.addSeries(d.builders.size() > 1 ? v + " · " + b : v, xs, ys);
          int vi = d.variants.indexOf(v);
          Color col = OKABE_ITO[vi % OKABE_ITO.length];
          s.setMarkerColor(b.equals("classic") || d.builders.size() == 1 ? col : lighter(col));
          s.setMarker(markers[vi % markers.length]);
          anySeries = true;
        }
      }
      i++;
    }
    if (!anySeries) {
      return null;
    }
    boolean log = min > 0 && max / min >= 20;
    if (log) {
      c.getStyler().setYAxisLogarithmic(true);
      c.setTitle("Trade-off: final size (log scale) vs source-edit rebuild time, one point per fixture and variant");
    } else {
      c.getStyler().setYAxisMin(0.0);
    }
    if (points.size() <= 40) {
      // name the fixture just above each point
      double xmax = points.stream().mapToDouble(p -> p[0]).max().orElse(1);
      for (int k = 0; k < points.size(); k++) {
        double[] p = points.get(k);
        boolean crowded = false;
        for (int j = 0; j < points.size(); j++) {
          if (j == k) {
            continue;
          }
          double[] q = points.get(j);
          crowded |= Math.abs(q[0] - p[0]) < xmax * 0.06 && (log ? Math.max(q[1], p[1]) / Math.min(q[1], p[1]) < 1.4
              : Math.abs(q[1] - p[1]) < max * 0.08);
        }
        // a point with a close neighbour gets its label on the right instead of above
        double x = crowded ? p[0] + xmax * (0.012 + 0.0065 * pointNames.get(k).length()) : p[0];
        double y = crowded ? p[1] : (log ? p[1] * 1.13 : p[1] + max * 0.03);
        c.addAnnotation(new org.knowm.xchart.AnnotationText(pointNames.get(k), x, y, false));
      }
    }
    ReportData.Table t = new ReportData.Table("Trade-off: size vs source-edit rebuild",
        List.of("Fixture", "Variant", "Builder", "Final size", "Source-edit mean"),
        new boolean[] {false, false, false, true, true}, rows);
    return new NamedChart("tradeoff", c.getTitle(), c, c.getWidth(), c.getHeight(), t);
  }
}
