package io.stagebench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportRendererTest {
  static final Set<ReportRenderer.Format> ALL = EnumSet.allOf(ReportRenderer.Format.class);

  static Report fixture(String name) throws Exception {
    return ReportStore.read(resource(name));
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(ReportRendererTest.class.getResource("/reports/" + name).toURI());
  }

  @Test
  void severalFixturesWithAFailureGiveEveryChartAndDocument(@TempDir Path dir) throws Exception {
    Report r = fixture("several.json");
    List<Path> files = ReportRenderer.render(r, dir, ALL);
    for (String chart : List.of("size", "composition", "rebuild-cold", "rebuild-warm", "rebuild-source-edit", "rebuild-deps-edit",
        "cache", "tradeoff")) {
      assertTrue(files.contains(dir.resolve(chart + ".png")), chart + ".png written");
      assertTrue(files.contains(dir.resolve(chart + ".svg")), chart + ".svg written");
      BufferedImage img = png(dir.resolve(chart + ".png"));
      assertEquals(560, img.getHeight(), chart);
      assertTrue(img.getWidth() >= 900 && img.getWidth() <= 2400, chart + " width " + img.getWidth());
      assertNotBlank(img, chart);
      Document svg = xml(dir.resolve(chart + ".svg"));
      assertEquals("svg", svg.getDocumentElement().getLocalName() == null ? svg.getDocumentElement().getNodeName()
          : svg.getDocumentElement().getLocalName());
    }
    String md = Files.readString(dir.resolve("summary.md"));
    String html = Files.readString(dir.resolve("index.html"));
    for (String f : List.of("go-static", "python", "java-maven", "rust")) {
      assertTrue(md.contains("| " + f + " | single |"), f + " row in summary.md");
      assertTrue(html.contains("<td>" + f + "</td>"), f + " row in index.html");
    }
    assertTrue(md.contains("![Final image size per fixture (log scale)](size.png)"), md.lines().filter(l -> l.startsWith("![")).toList().toString());
    assertTrue(md.contains("## Failures"));
    assertTrue(md.contains("cold build failed: step 6/9"));
    // escaped: the report has "<gcc>" and "<fastsum>" in lint messages and log tails
    assertTrue(html.contains("compiler &lt;gcc&gt; &amp; headers"), "lint finding escaped");
    assertTrue(html.contains("Failed building wheel for native &lt;fastsum&gt;"), "log tail escaped");
    assertFalse(html.contains("<gcc>"));
    assertFalse(html.contains("<fastsum>"));
    // self-contained: charts inline, nothing fetched
    assertEquals(8, count(html, "<svg"));
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no network references");
    assertFalse(html.contains("<?xml"));
    assertTrue(html.contains("Docker 20.10.24+dfsg1"));
    assertTrue(html.contains("79ea8c9"));
  }

  @Test
  void theSameReportGivesByteIdenticalFiles(@TempDir Path dir) throws Exception {
    Report r = fixture("several.json");
    ReportRenderer.render(r, dir.resolve("a"), ALL);
    ReportRenderer.render(ReportStore.read(resource("several.json")), dir.resolve("b"), ALL);
    List<Path> a = list(dir.resolve("a"));
    List<Path> b = list(dir.resolve("b"));
    assertEquals(a.stream().map(p -> p.getFileName().toString()).toList(), b.stream().map(p -> p.getFileName().toString()).toList());
    assertEquals(18, a.size(), a.toString());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).getFileName() + " differs");
    }
  }

  @Test
  void oneFixtureRendersLegibly(@TempDir Path dir) throws Exception {
    List<Path> files = ReportRenderer.render(fixture("one-fixture.json"), dir, ALL);
    BufferedImage size = png(dir.resolve("size.png"));
    assertEquals(900, size.getWidth());
    assertNotBlank(size, "size");
    assertTrue(files.contains(dir.resolve("tradeoff.png")));
    assertFalse(Files.readString(dir.resolve("summary.md")).contains("## Failures"));
  }

  @Test
  void twentyFixturesWidenTheChartsUpToACap(@TempDir Path dir) throws Exception {
    Report r = fixture("several.json");
    List<Report.FixtureResult> many = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      for (Report.FixtureResult f : r.fixtures()) {
        many.add(new Report.FixtureResult(f.name() + "-" + i, f.path(), f.language(), f.description(), f.variants(), f.comparisons()));
      }
    }
    Report big = new Report(r.schemaVersion(), r.tool(), r.run(), r.environment(), many, r.failures());
    ReportRenderer.render(big, dir, EnumSet.of(ReportRenderer.Format.PNG, ReportRenderer.Format.HTML));
    BufferedImage size = png(dir.resolve("size.png"));
    assertTrue(size.getWidth() > png(dir.resolve("tradeoff.png")).getWidth());
    assertTrue(size.getWidth() <= 2400);
    assertNotBlank(size, "size");
    String html = Files.readString(dir.resolve("index.html"));
    for (Report.FixtureResult f : many) {
      assertTrue(html.contains("<td>" + f.name() + "</td>"), f.name());
    }
  }

  @Test
  void aCheckpointReportChartsItsPendingUnits(@TempDir Path dir) throws Exception {
    Report r = fixture("one-fixture.json");
    List<Report.FixtureResult> pending = new ArrayList<>();
    for (Report.FixtureResult f : r.fixtures()) {
      List<Report.VariantResult> vs = new ArrayList<>();
      for (Report.VariantResult v : f.variants()) {
        vs.add(new Report.VariantResult(v.name(), v.dockerfile(), v.pattern(), v.target(), v.production(), v.lint(),
            v.builds().stream().map(b -> new Report.BuildResultJson(b.builder(), "pending", null, null, b.image(), null, b.scenarios())).toList()));
      }
      pending.add(new Report.FixtureResult(f.name(), f.path(), f.language(), f.description(), vs, List.of()));
    }
    Report.Run run = new Report.Run(r.run().id(), r.run().startedAt(), null, false, false, r.run().options());
    ReportRenderer.render(new Report(r.schemaVersion(), r.tool(), run, r.environment(), pending, List.of()), dir,
        EnumSet.of(ReportRenderer.Format.PNG, ReportRenderer.Format.MD));
    assertNotBlank(png(dir.resolve("size.png")), "size");
    assertTrue(Files.readString(dir.resolve("summary.md")).contains("incomplete"));
  }

  @Test
  void aRunWhereNothingBuiltStillWritesTheDocuments(@TempDir Path dir) throws Exception {
    Report r = fixture("several.json");
    List<Report.FixtureResult> failed = new ArrayList<>();
    for (Report.FixtureResult f : r.fixtures()) {
      List<Report.VariantResult> vs = new ArrayList<>();
      for (Report.VariantResult v : f.variants()) {
        vs.add(new Report.VariantResult(v.name(), v.dockerfile(), v.pattern(), v.target(), v.production(), v.lint(),
            v.builds().stream().map(b -> new Report.BuildResultJson(b.builder(), "failed", "engine refused", List.of("boom"), null, null, null)).toList()));
      }
      failed.add(new Report.FixtureResult(f.name(), f.path(), f.language(), f.description(), vs, List.of()));
    }
    Report none = new Report(r.schemaVersion(), r.tool(), r.run(), r.environment(), failed, r.failures());
    List<Path> files = ReportRenderer.render(none, dir, ALL);
    assertEquals(List.of(dir.resolve("summary.md"), dir.resolve("index.html")), files);
    assertTrue(Files.readString(dir.resolve("index.html")).contains("nothing to chart"));
  }

  static BufferedImage png(Path p) throws IOException {
    BufferedImage img = ImageIO.read(p.toFile());
    assertNotNull(img, p + " decodes as an image");
    return img;
  }

  /** Not blank: the luminance varies and at least 1 % of the pixels are not background white. */
  static void assertNotBlank(BufferedImage img, String what) {
    long n = 0;
    long nonWhite = 0;
    double sum = 0;
    double sq = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        double l = 0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
        sum += l;
        sq += l * l;
        n++;
        if (rgb != 0xFFFFFF) {
          nonWhite++;
        }
      }
    }
    double var = sq / n - (sum / n) * (sum / n);
    assertTrue(var > 100, what + " pixel variance " + var);
    assertTrue(nonWhite > n / 100, what + " non-white share " + nonWhite + "/" + n);
  }

  static Document xml(Path p) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(p.toFile());
  }

  static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }
}
