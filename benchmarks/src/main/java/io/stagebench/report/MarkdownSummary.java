package io.stagebench.report;

import java.util.List;

/** {@code summary.md}: GitHub-flavoured Markdown, the tables behind every chart, images linked. */
final class MarkdownSummary {
  private MarkdownSummary() {}

  static String render(ReportData d, List<ReportCharts.NamedChart> charts, String imageExt) {
    StringBuilder sb = new StringBuilder();
    Report r = d.report;
    sb.append("# stagebench report");
    if (r.run() != null && r.run().id() != null) {
      sb.append(": run ").append(md(r.run().id()));
    }
    sb.append("\n\n");
    for (String[] kv : HtmlPage.metadata(r)) {
      sb.append("- **").append(md(kv[0])).append("**: ").append(md(kv[1])).append('\n');
    }
    sb.append('\n');
    if (d.units.isEmpty()) {
      sb.append("_No variant built successfully; nothing to chart._\n\n");
    }
    for (ReportCharts.NamedChart c : charts) {
      sb.append("## ").append(md(c.title())).append("\n\n");
      if (imageExt != null) {
        sb.append("![").append(md(c.title())).append("](").append(c.name()).append(imageExt).append(")\n\n");
      }
      table(sb, c.table());
    }
    List<Report.Failure> failures = ReportData.nz(r.failures());
    if (!failures.isEmpty()) {
      sb.append("## Failures\n\n| Fixture | Variant | Builder | Scenario | Message |\n|---|---|---|---|---|\n");
      for (Report.Failure f : failures) {
        sb.append("| ").append(md(f.fixture())).append(" | ").append(md(f.variant())).append(" | ").append(md(f.builder()))
            .append(" | ").append(md(f.scenario())).append(" | ").append(md(f.message())).append(" |\n");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static void table(StringBuilder sb, ReportData.Table t) {
    sb.append("| ");
    sb.append(String.join(" | ", t.headers().stream().map(MarkdownSummary::md).toList()));
    sb.append(" |\n|");
    for (int i = 0; i < t.headers().size(); i++) {
      sb.append(t.numeric()[i] ? "---:|" : "---|");
    }
    sb.append('\n');
    for (List<String> row : t.rows()) {
      sb.append("| ").append(String.join(" | ", row.stream().map(MarkdownSummary::md).toList())).append(" |\n");
    }
    sb.append('\n');
  }

  /** Escapes a cell: pipes, markup characters and line breaks cannot break the table. */
  static String md(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '|', '\\', '*', '_', '`', '[', ']', '<', '>', '#' -> b.append('\\').append(c);
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
