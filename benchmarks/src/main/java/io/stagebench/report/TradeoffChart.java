package io.stagebench.report;

import static io.stagebench.report.ChartStyle.OKABE_ITO;

import io.stagebench.Units;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The scatter of final size against source-edit rebuild time, one point per fixture and variant. */
final class TradeoffChart {
  private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
      SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};

  private final ReportData d;

  TradeoffChart(ReportData d) {
    this.d = d;
  }

  /** The chart, or null when the report has no source-edit measurement. */
  ReportCharts.NamedChart chart() {
    String scenario = d.scenarios.contains("source-edit") ? "source-edit" : null;
    if (scenario == null) {
      return null;
    }
    XYChart c = new XYChartBuilder().width(1100).height(ChartStyle.HEIGHT)
        .title("Trade-off: final size vs source-edit rebuild time (one point per fixture and variant)")
        .xAxisTitle("Source-edit rebuild, mean (s)").yAxisTitle("Final image size (MB)").build();
    ChartStyle.style(c.getStyler());
    ChartStyle.styleAxes(c.getStyler(), 0);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(11);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    c.getStyler().setAnnotationTextFont(ChartStyle.font(10));
    c.getStyler().setAnnotationTextFontColor(new Color(0x444444));
    List<double[]> points = new ArrayList<>();
    List<String> pointNames = new ArrayList<>();
    c.getStyler().setXAxisMin(0.0);
    c.getStyler().setYAxisDecimalPattern("#,##0");
    c.getStyler().setXAxisDecimalPattern("#,##0.#");
    List<List<String>> rows = new ArrayList<>();
    double min = Double.MAX_VALUE;
    double max = 0;
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
          s.setMarkerColor(b.equals("classic") || d.builders.size() == 1 ? col : ChartStyle.lighter(col));
          s.setMarker(MARKERS[vi % MARKERS.length]);
          anySeries = true;
        }
      }
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
      label(c, points, pointNames, max, log);
    }
    ReportData.Table t = new ReportData.Table("Trade-off: size vs source-edit rebuild",
        List.of("Fixture", "Variant", "Builder", "Final size", "Source-edit mean"),
        new boolean[] {false, false, false, true, true}, rows);
    return ReportCharts.named("tradeoff", c, t);
  }

  /** Names the fixture just above each point, or to its right when another point is close. */
  private static void label(XYChart c, List<double[]> points, List<String> names, double max, boolean log) {
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
      double x = crowded ? p[0] + xmax * (0.012 + 0.0065 * names.get(k).length()) : p[0];
      double y = crowded ? p[1] : (log ? p[1] * 1.13 : p[1] + max * 0.03);
      c.addAnnotation(new AnnotationText(names.get(k), x, y, false));
    }
  }
}
