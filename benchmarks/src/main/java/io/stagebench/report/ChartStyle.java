package io.stagebench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look every report chart shares: fixed sizes, font and colours so the same report always
 * draws the same pixels, with widths that grow with the number of categories.
 */
final class ChartStyle {
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

  /** The height of every chart. */
  static final int HEIGHT = 560;

  private ChartStyle() {}

  /** A plain font of the report's family. */
  static Font font(int size) {
    return new Font(FONT_FAMILY, Font.PLAIN, size);
  }

  /** Room for the bars of every category, between 900 and 2400 pixels. */
  static int width(int categories, int seriesPerCategory) {
    int w = 260 + categories * Math.max(1, seriesPerCategory) * 34 + categories * 30;
    return Math.max(900, Math.min(2400, w));
  }

  /** Fonts, white background, legend below and the Okabe–Ito series colours. */
  static void style(Styler s) {
    s.setBaseFont(font(12));
    s.setChartTitleFont(new Font(FONT_FAMILY, Font.BOLD, 16));
    s.setLegendFont(font(12));
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

  /** Axis fonts, horizontal grid lines only, and slanted labels past six categories. */
  static void styleAxes(AxesChartStyler s, int categories) {
    s.setAxisTitleFont(font(13));
    s.setAxisTickLabelsFont(font(11));
    s.setPlotGridVerticalLinesVisible(false);
    s.setPlotGridLinesColor(new Color(0xE0E0E0));
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    if (categories > 6) {
      s.setXAxisLabelRotation(40);
    }
  }

  /** A styled bar chart sized for {@code categories} categories of {@code series} bars each. */
  static CategoryChart category(String title, String x, String y, int categories, int series) {
    CategoryChart c = new CategoryChartBuilder().width(width(categories, series)).height(HEIGHT)
        .title(title).xAxisTitle(x).yAxisTitle(y).build();
    style(c.getStyler());
    styleAxes(c.getStyler(), categories);
    if (series > 4) {
      // A row of more than four entries does not fit under a narrow chart: list them on the right.
      c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
      c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    }
    return c;
  }

  /** A tint of {@code c} two thirds of the way to white. */
  static Color lighter(Color c) {
    return new Color((c.getRed() + 255 * 2) / 3, (c.getGreen() + 255 * 2) / 3, (c.getBlue() + 255 * 2) / 3);
  }
}
