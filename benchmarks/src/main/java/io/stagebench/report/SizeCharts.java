package io.stagebench.report;

import static io.stagebench.report.ChartStyle.BASE_GREY;
import static io.stagebench.report.ChartStyle.OKABE_ITO;

import io.stagebench.Units;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** The charts of the final image: its size per fixture and variant, and what its bytes come from. */
final class SizeCharts {
  private final ReportData d;

  SizeCharts(ReportData d) {
    this.d = d;
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

  ReportCharts.NamedChart size() {
    // One bar per fixture/variant (a fixture may have one variant or six: slots per variant name
    // across fixtures would leave most of the plot empty), coloured single-stage against multi-stage.
    List<String> fx = d.measuredFixtures();
    List<ReportData.Unit> us = sizeUnits();
    List<String> cats = new ArrayList<>();
    for (ReportData.Unit u : us) {
      Double p = d.reductionPercent(u);
      cats.add(u.label() + (p == null || u.variant().equals("single") ? "" : String.format(Locale.ROOT, " %+.0f%%", -p)));
    }
    double min = Double.MAX_VALUE;
    double max = 0;
    for (ReportData.Unit u : d.units) {
      double mb = u.image().sizeBytes() / 1e6;
      min = Math.min(min, mb);
      max = Math.max(max, mb);
    }
    boolean log = min > 0 && max / min >= 20;
    CategoryChart c = ChartStyle.category("Final image size per fixture" + (log ? " (log scale)" : ""),
        "Fixture / variant (reduction against single)", "Image size (MB)", cats.size(), 1);
    c.getStyler().setOverlapped(true);
    c.getStyler().setYAxisLogarithmic(log);
    c.getStyler().setLabelsVisible(cats.size() <= 48);
    c.getStyler().setLabelsFont(ChartStyle.font(10));
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
    if (single.stream().anyMatch(Objects::nonNull)) {
      c.addSeries("single-stage", cats, single).setFillColor(OKABE_ITO[0]);
    }
    if (multi.stream().anyMatch(Objects::nonNull)) {
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
    return ReportCharts.named("size", c, t);
  }

  private static Color originColor(String origin, List<String> origins) {
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
    return i < stageColors.length ? col : ChartStyle.lighter(col);
  }

  ReportCharts.NamedChart composition() {
    List<ReportData.Unit> us = sizeUnits();
    List<String> cats = us.stream().map(ReportData.Unit::label).toList();
    List<String> origins = d.origins();
    CategoryChart c = ChartStyle.category("What the final image is made of: bytes by layer origin", "Fixture / variant",
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
    return ReportCharts.named("composition", c, t);
  }
}
