package io.stagebench.report;

import io.stagebench.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: one self-contained page. Charts are inlined SVG, the only script is a few
 * lines that sort tables by column, nothing is loaded from the network. Everything from the
 * report is HTML-escaped.
 */
final class HtmlPage {
  private HtmlPage() {}

  private static final String CSS = """
      body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em auto;max-width:1280px;padding:0 1em;color:#222}
      h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}
      table{border-collapse:collapse;margin:0.6em 0 1.2em;font-size:0.9em}
      th,td{border:1px solid #ccc;padding:3px 8px}th{background:#f2f2f2;cursor:pointer;user-select:none}
      th.asc::after{content:" \\25B2"}th.desc::after{content:" \\25BC"}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      .chart{overflow-x:auto}.chart svg{max-width:100%;height:auto}
      .failed{color:#b00}pre{background:#f6f6f6;padding:0.6em;overflow-x:auto;font-size:0.85em}
      dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 1em}dl.meta dt{font-weight:bold}dl.meta dd{margin:0}
      """;

  private static final String JS = """
      var UNITS={'B':1,'kB':1e3,'MB':1e6,'GB':1e9,'TB':1e12,'s':1,'%':1};
      function num(t){var m=/^\\s*(-?[0-9.]+)\\s*(B|kB|MB|GB|TB|s|%)?\\s*$/.exec(t);return m?parseFloat(m[1])*(UNITS[m[2]]||1):NaN;}
      document.querySelectorAll('table.sortable').forEach(function(t){
        t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
          var asc=!th.classList.contains('asc');
          t.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc');});
          th.classList.add(asc?'asc':'desc');
          var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
          rows.sort(function(a,b){
            var x=a.cells[i].textContent,y=b.cells[i].textContent,nx=num(x),ny=num(y);
            var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);
            return asc?c:-c;});
          rows.forEach(function(r){body.appendChild(r);});
        });});
      });
      """;

  static List<String[]> metadata(Report r) {
    List<String[]> m = new ArrayList<>();
    if (r.tool() != null) {
      m.add(new String[] {"Tool", r.tool().name() + " " + nz(r.tool().version())});
      m.add(new String[] {"Commit", r.tool().gitCommit() == null || r.tool().gitCommit().isBlank() ? "(not recorded)" : r.tool().gitCommit()});
    }
    if (r.run() != null) {
      m.add(new String[] {"Run", nz(r.run().id()) + " (" + nz(r.run().startedAt()) + " to " + nz(r.run().finishedAt()) + ")"
          + (r.run().complete() ? "" : r.run().interrupted() ? ", interrupted" : ", incomplete")});
      Report.Options o = r.run().options();
      if (o != null) {
        m.add(new String[] {"Options", "builders " + o.builders() + ", scenarios " + o.scenarios() + ", reps " + o.reps()
            + ", warmup " + o.warmup() + (o.shard() == null ? "" : ", shard " + o.shard())});
      }
    }
    Report.Environment e = r.environment();
    if (e != null) {
      m.add(new String[] {"Profile", nz(e.profile())});
      if (e.engine() != null) {
        m.add(new String[] {"Engine", "Docker " + nz(e.engine().version()) + " (API " + nz(e.engine().apiVersion()) + ", "
            + nz(e.engine().storageDriver()) + ", " + nz(e.engine().os()) + " " + nz(e.engine().architecture()) + ")"});
      }
      if (e.host() != null) {
        m.add(new String[] {"Host", e.host().cpus() + " CPUs, " + Units.bytes(e.host().memoryBytes()) + " memory, Java "
            + nz(e.host().javaVersion())});
      }
      if (e.baseImages() != null && !e.baseImages().isEmpty()) {
        List<String> bs = new ArrayList<>();
        e.baseImages().forEach((k, v) -> bs.add(k + "=" + v.image() + (v.id() == null ? "" : " (" + shortId(v.id()) + ")")));
        m.add(new String[] {"Base images", String.join(", ", bs)});
      }
    }
    return m;
  }

  static String render(ReportData d, List<ReportCharts.NamedChart> charts, Map<String, String> svgs) {
    Report r = d.report;
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>stagebench report ").append(esc(r.run() == null ? "" : r.run().id())).append("</title>\n<style>")
        .append(CSS).append("</style></head><body>\n");
    sb.append("<h1>stagebench report</h1>\n<dl class=\"meta\">\n");
    for (String[] kv : metadata(r)) {
      sb.append("<dt>").append(esc(kv[0])).append("</dt><dd>").append(esc(kv[1])).append("</dd>\n");
    }
    sb.append("</dl>\n");
    if (d.units.isEmpty()) {
      sb.append("<p>No variant built successfully; nothing to chart.</p>\n");
    }
    for (ReportCharts.NamedChart c : charts) {
      sb.append("<h2 id=\"").append(esc(c.name())).append("\">").append(esc(c.title())).append("</h2>\n");
      String svg = svgs.get(c.name());
      if (svg != null) {
        sb.append("<div class=\"chart\">").append(inlineSvg(svg)).append("</div>\n");
      }
      table(sb, c.table());
    }
    variants(sb, d);
    failures(sb, r);
    sb.append("<script>").append(JS).append("</script>\n</body></html>\n");
    return sb.toString();
  }

  private static void variants(StringBuilder sb, ReportData d) {
    sb.append("<h2 id=\"variants\">Variants: lint findings and analysis</h2>\n");
    for (Report.FixtureResult f : ReportData.nz(d.report.fixtures())) {
      for (Report.VariantResult v : ReportData.nz(f.variants())) {
        sb.append("<h3>").append(esc(f.name() + "/" + v.name())).append("</h3>\n<p>")
            .append(esc(nz(v.dockerfile()))).append(v.pattern() == null ? "" : " · pattern " + esc(v.pattern()))
            .append(v.target() == null ? "" : " · target " + esc(v.target())).append(v.production() ? " · production" : "")
            .append("</p>\n");
        List<Report.LintFinding> lint = ReportData.nz(v.lint());
        if (lint.isEmpty()) {
          sb.append("<p>Lint: no findings recorded.</p>\n");
        } else {
          List<List<String>> rows = new ArrayList<>();
          for (Report.LintFinding l : lint) {
            rows.add(List.of(nz(l.rule()), nz(l.severity()), Integer.toString(l.line()), nz(l.message()),
                l.savingsBytes() == null ? "" : Units.bytes(l.savingsBytes())));
          }
          table(sb, new ReportData.Table("Lint", List.of("Rule", "Severity", "Line", "Message", "Saves"),
              new boolean[] {false, false, true, false, true}, rows));
        }
        for (Report.BuildResultJson b : ReportData.nz(v.builds())) {
          sb.append("<p>[").append(esc(b.builder())).append("] ");
          if (!"ok".equals(b.status())) {
            sb.append("<span class=\"failed\">").append(esc(b.status())).append("</span>");
            sb.append(b.reason() == null ? "" : ": " + esc(b.reason()));
          } else if (b.image() != null) {
            sb.append(esc(Units.bytes(b.image().sizeBytes()))).append(", ").append(b.image().layerCount()).append(" layers");
            Report.Analysis a = b.image().analysis();
            if (a != null) {
              if (a.efficiency() != null) {
                sb.append(", efficiency ").append(esc(ReportData.pct(a.efficiency() * 100)));
              }
              if (a.wastedBytes() != null) {
                sb.append(", wasted ").append(esc(Units.bytes(a.wastedBytes())));
              }
              if (a.recoverableBytes() != null) {
                sb.append(", recoverable ").append(esc(Units.bytes(a.recoverableBytes())));
              }
              if (a.residueBytes() != null) {
                sb.append(", build residue ").append(esc(Units.bytes(a.residueBytes())));
              }
              if (a.residue() != null && !a.residue().isEmpty()) {
                sb.append(" (").append(esc(String.join(", ", a.residue()))).append(')');
              }
              if (a.brokenBinaries() != null) {
                sb.append(", broken binaries ").append(a.brokenBinaries());
              }
            } else {
              sb.append(", no image analysis recorded");
            }
            if (b.smoke() != null) {
              sb.append(", smoke ").append(b.smoke().passed() ? "passed" : "<span class=\"failed\">failed</span>");
            }
          }
          sb.append("</p>\n");
          if (b.logTail() != null && !b.logTail().isEmpty()) {
            sb.append("<pre>").append(esc(String.join("\n", b.logTail()))).append("</pre>\n");
          }
        }
      }
    }
  }

  private static void failures(StringBuilder sb, Report r) {
    List<Report.Failure> failures = ReportData.nz(r.failures());
    if (failures.isEmpty()) {
      return;
    }
    sb.append("<h2 id=\"failures\" class=\"failed\">Failures</h2>\n");
    List<List<String>> rows = new ArrayList<>();
    for (Report.Failure f : failures) {
      rows.add(List.of(nz(f.fixture()), nz(f.variant()), nz(f.builder()), nz(f.scenario()), nz(f.message())));
    }
    table(sb, new ReportData.Table("Failures", List.of("Fixture", "Variant", "Builder", "Scenario", "Message"),
        new boolean[5], rows));
    for (Report.FixtureResult f : ReportData.nz(r.fixtures())) {
      for (Report.VariantResult v : ReportData.nz(f.variants())) {
        for (Report.BuildResultJson b : ReportData.nz(v.builds())) {
          if ("failed".equals(b.status()) && b.logTail() != null && !b.logTail().isEmpty()) {
            sb.append("<h3>").append(esc(f.name() + "/" + v.name() + " [" + b.builder() + "]: log tail")).append("</h3>\n<pre>")
                .append(esc(String.join("\n", b.logTail()))).append("</pre>\n");
          }
        }
      }
    }
  }

  static void table(StringBuilder sb, ReportData.Table t) {
    sb.append("<table class=\"sortable\"><thead><tr>");
    for (String h : t.headers()) {
      sb.append("<th>").append(esc(h)).append("</th>");
    }
    sb.append("</tr></thead><tbody>\n");
    for (List<String> row : t.rows()) {
      sb.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        sb.append(t.numeric()[i] ? "<td class=\"n\">" : "<td>").append(esc(row.get(i))).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody></table>\n");
  }

  /** Drops the XML prolog and doctype so the SVG can sit inside HTML. */
  static String inlineSvg(String svg) {
    int i = svg.indexOf("<svg");
    return i < 0 ? "" : svg.substring(i);
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String shortId(String id) {
    String s = id.startsWith("sha256:") ? id.substring(7) : id;
    return s.length() > 12 ? s.substring(0, 12) : s;
  }
}
