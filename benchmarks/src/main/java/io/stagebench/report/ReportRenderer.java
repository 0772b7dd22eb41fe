package io.stagebench.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders a report into charts (PNG, SVG), {@code summary.md} and a self-contained
 * {@code index.html}. Output is deterministic: the same report gives byte-identical files
 * (fixed font, sizes and colours; no timestamps). Every file is written atomically.
 */
public final class ReportRenderer {
  /** The output formats. */
  public enum Format {
    PNG, SVG, MD, HTML;

    /** Parses {@code png}, {@code svg}, {@code md} or {@code html}. */
    public static Format of(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown format \"" + s + "\"; use png, svg, md or html");
      }
    }
  }

  private ReportRenderer() {}

  /**
   * Renders {@code report} into {@code outDir}.
   *
   * @return the files written, in order
   * @throws IOException when a file cannot be written
   */
  public static List<Path> render(Report report, Path outDir, Set<Format> formats) throws IOException {
    System.setProperty("java.awt.headless", "true");
    ReportData data = new ReportData(report);
    List<ReportCharts.NamedChart> charts = new ReportCharts(data).all();
    List<Path> written = new ArrayList<>();
    Map<String, String> svgs = new LinkedHashMap<>();
    for (ReportCharts.NamedChart c : charts) {
      if (formats.contains(Format.PNG)) {
        Path p = outDir.resolve(c.name() + ".png");
        ReportStore.writeBytes(p, png(c.chart()));
        written.add(p);
      }
      if (formats.contains(Format.SVG) || formats.contains(Format.HTML)) {
        String svg = svg(c.chart());
        svgs.put(c.name(), svg);
        if (formats.contains(Format.SVG)) {
          Path p = outDir.resolve(c.name() + ".svg");
          ReportStore.writeBytes(p, svg.getBytes(StandardCharsets.UTF_8));
          written.add(p);
        }
      }
    }
    if (formats.contains(Format.MD)) {
      String ext = formats.contains(Format.PNG) ? ".png" : formats.contains(Format.SVG) ? ".svg" : null;
      Path p = outDir.resolve("summary.md");
      ReportStore.writeBytes(p, MarkdownSummary.render(data, charts, ext).getBytes(StandardCharsets.UTF_8));
      written.add(p);
    }
    if (formats.contains(Format.HTML)) {
      Path p = outDir.resolve("index.html");
      ReportStore.writeBytes(p, HtmlPage.render(data, charts, svgs).getBytes(StandardCharsets.UTF_8));
      written.add(p);
    }
    return written;
  }

  /** PNG through ImageIO: no text chunks, no time, no DPI metadata. */
  static byte[] png(Chart<?, ?> chart) throws IOException {
    BufferedImage img = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      chart.paint(g, chart.getWidth(), chart.getHeight());
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  static String svg(Chart<?, ?> chart) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    return out.toString(StandardCharsets.UTF_8);
  }
}
