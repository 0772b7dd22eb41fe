package io.stagebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index.html in a real browser: headless Chromium from disk, no network (scripts/html-check). */
class HtmlCheckIT {
  @Test
  void chromiumRendersTheChartsAndEveryFixtureRow(@TempDir Path dir) throws Exception {
    Report r = ReportRendererTest.fixture("several.json");
    ReportRenderer.render(r, dir, EnumSet.of(ReportRenderer.Format.HTML));
    Path script = Path.of("..", "scripts", "html-check").toAbsolutePath().normalize();
    Process p = new ProcessBuilder(script.toString(), dir.resolve("index.html").toString(), dir.resolve("check").toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "html-check finished");
    assertEquals(0, p.exitValue(), log);

    BufferedImage shot = ReportRendererTest.png(dir.resolve("check/screenshot.png"));
    assertEquals(1280, shot.getWidth());
    ReportRendererTest.assertNotBlank(shot, "screenshot");

    String dom = Files.readString(dir.resolve("check/dom.html"));
    for (String f : List.of("go-static", "python", "java-maven", "rust")) {
      assertTrue(dom.contains("<td>" + f + "</td>"), f + " row in the DOM");
    }
    assertEquals(8, ReportRendererTest.count(dom, "<svg"), "every chart inlined as SVG");
    assertTrue(dom.contains("Failed building wheel for native &lt;fastsum&gt;"), "failure log tail shown, escaped");
  }
}
