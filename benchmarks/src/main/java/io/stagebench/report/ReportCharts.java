package io.stagebench.report;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The report charts, each with the table behind it, in report order: final size, composition,
 * one rebuild-time chart per scenario, cache effectiveness and the size/time trade-off. The look
 * they share is {@link ChartStyle}.
 */
final class ReportCharts {
  /** A chart, the file stem it is written under and the table of its numbers. */
  record NamedChart(String name, String title, Chart<?, ?> chart, int width, int height, ReportData.Table table) {}

  private final ReportData d;

  ReportCharts(ReportData d) {
    this.d = d;
  }

  /** {@code chart} under the file stem {@code name}, with its title and size. */
  static NamedChart named(String name, Chart<?, ?> chart, ReportData.Table table) {
    return new NamedChart(name, chart.getTitle(), chart, chart.getWidth(), chart.getHeight(), table);
  }

  List<NamedChart> all() {
    List<NamedChart> out = new ArrayList<>();
    if (d.units.isEmpty()) {
      return out;
    }
    SizeCharts size = new SizeCharts(d);
    out.add(size.size());
    out.add(size.composition());
    RebuildCharts rebuild = new RebuildCharts(d);
    for (String s : d.scenarios) {
      NamedChart c = rebuild.rebuild(s);
      if (c != null) {
        out.add(c);
      }
    }
    NamedChart cache = rebuild.cache();
    if (cache != null) {
      out.add(cache);
    }
    NamedChart t = new TradeoffChart(d).chart();
    if (t != null) {
      out.add(t);
    }
    return out;
  }
}
