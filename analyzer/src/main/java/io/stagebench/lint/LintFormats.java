package io.stagebench.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The output formats of {@code stagebench lint}: text, json, sarif, github, and the rules table. */
public final class LintFormats {
  public static final int JSON_SCHEMA_VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LintFormats() {}

  /** One linted file: its name, its findings and its context scan if any. */
  public record FileResult(String file, Linter.Result result) {}

  /** Compiler style, one finding a line: {@code FILE:LINE RULE severity: message}. */
  public static String text(List<FileResult> files) {
    StringBuilder sb = new StringBuilder();
    for (FileResult f : files) {
      for (Finding x : f.result().findings()) {
        sb.append(x.file()).append(':').append(x.line());
        if (x.column() != null) {
          sb.append(':').append(x.column());
        }
        sb.append(' ').append(x.ruleId()).append(' ').append(x.severity().label()).append(": ")
            .append(x.message()).append('\n');
      }
    }
    return sb.toString();
  }

  /** The JSON report: schemaVersion, the files (with the context size when scanned), the findings. */
  public static String json(List<FileResult> files) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", JSON_SCHEMA_VERSION);
    ArrayNode fs = root.putArray("files");
    ArrayNode all = root.putArray("findings");
    for (FileResult f : files) {
      ObjectNode fn = fs.addObject();
      fn.put("file", f.file());
      fn.put("findings", f.result().findings().size());
      f.result().context().ifPresent(c -> {
        ObjectNode cn = fn.putObject("context");
        cn.put("dockerignore", c.dockerignore());
        cn.put("bytes", c.bytes());
        cn.put("files", c.files());
        ObjectNode leaks = cn.putObject("leaks");
        c.leaks().forEach(leaks::put);
      });
      for (Finding x : f.result().findings()) {
        all.add(MAPPER.valueToTree(findingMap(x)));
      }
    }
    return write(root);
  }

  private static Map<String, Object> findingMap(Finding x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", x.ruleId());
    m.put("severity", x.severity().label());
    m.put("file", x.file());
    m.put("line", x.line());
    m.put("column", x.column());
    m.put("message", x.message());
    m.put("fix", x.fix());
    m.put("savingsBytes", x.savingsBytes());
    return m;
  }

  /** SARIF 2.1.0 level of a severity. */
  public static String sarifLevel(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO, STYLE -> "note";
    };
  }

  /** A SARIF 2.1.0 log with one run: every rule's metadata and the results. */
  public static String sarif(List<FileResult> files, List<Rule> rules, String version) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "stagebench");
    driver.put("version", version);
    driver.put("informationUri", "https://github.com/stagebench/stagebench/blob/main/docs/rules.md");
    ArrayNode rs = driver.putArray("rules");
    Map<String, Integer> index = new LinkedHashMap<>();
    for (Rule r : rules) {
      index.put(r.id(), index.size());
      ObjectNode rn = rs.addObject();
      rn.put("id", r.id());
      rn.put("name", r.getClass().getSimpleName());
      rn.putObject("shortDescription").put("text", r.title());
      rn.putObject("fullDescription").put("text", r.rationale());
      rn.putObject("help").put("text", r.fix());
      rn.put("helpUri", "https://github.com/stagebench/stagebench/blob/main/docs/rules.md#" + r.id().toLowerCase());
      rn.putObject("defaultConfiguration").put("level", sarifLevel(r.severity()));
      ObjectNode props = rn.putObject("properties");
      props.putArray("tags").add(r.hadolint() ? "hadolint" : "stagebench").add(r.severity().label());
    }
    ArrayNode results = run.putArray("results");
    for (FileResult f : files) {
      for (Finding x : f.result().findings()) {
        ObjectNode res = results.addObject();
        res.put("ruleId", x.ruleId());
        Integer i = index.get(x.ruleId());
        if (i != null) {
          res.put("ruleIndex", i);
        }
        res.put("level", sarifLevel(x.severity()));
        res.putObject("message").put("text", x.message() + " Fix: " + x.fix());
        ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
        phys.putObject("artifactLocation").put("uri", uri(x.file()));
        ObjectNode region = phys.putObject("region");
        region.put("startLine", x.line());
        if (x.column() != null) {
          region.put("startColumn", x.column());
        }
      }
    }
    return write(root);
  }

  private static String uri(String file) {
    String f = file.replace('\\', '/');
    if (f.startsWith("./")) {
      f = f.substring(2);
    }
    StringBuilder sb = new StringBuilder();
    for (char c : f.toCharArray()) {
      if (c == ' ' || c == '%' || c == '#' || c == '?') {
        sb.append(String.format("%%%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** GitHub workflow commands: {@code ::warning file=F,line=L,title=RULE::message}. */
  public static String github(List<FileResult> files) {
    StringBuilder sb = new StringBuilder();
    for (FileResult f : files) {
      for (Finding x : f.result().findings()) {
        String level = switch (x.severity()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case INFO, STYLE -> "notice";
        };
        sb.append("::").append(level).append(" file=").append(ghProperty(x.file())).append(",line=").append(x.line());
        if (x.column() != null) {
          sb.append(",col=").append(x.column());
        }
        sb.append(",title=").append(ghProperty(x.ruleId())).append("::")
            .append(ghData(x.message() + " Fix: " + x.fix())).append('\n');
      }
    }
    return sb.toString();
  }

  private static String ghData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String ghProperty(String s) {
    return ghData(s).replace(":", "%3A").replace(",", "%2C");
  }

  /** The rules table of docs/rules.md, generated from the rule classes. */
  public static String markdown(List<Rule> rules) {
    StringBuilder sb = new StringBuilder();
    sb.append("# stagebench lint rules\n\n");
    sb.append("Generated from the rule classes (`stagebench lint --list-rules --format markdown`); a test keeps this file equal to that output.\n");
    sb.append("`DL` IDs follow hadolint's IDs and meanings; `SB` IDs are stagebench's own. ");
    sb.append("`DL1000` is a file that cannot be parsed (with the line and column of the problem).\n\n");
    sb.append("| ID | Severity | Title | What it means | Fix |\n");
    sb.append("|----|----------|-------|---------------|-----|\n");
    for (Rule r : rules) {
      sb.append("| <a id=\"").append(r.id().toLowerCase()).append("\"></a>").append(r.id()).append(" | ")
          .append(r.severity().label()).append(" | ").append(md(r.title())).append(" | ").append(md(r.rationale()))
          .append(" | ").append(md(r.fix())).append(" |\n");
    }
    return sb.toString();
  }

  private static String md(String s) {
    return s.replace("|", "\\|");
  }

  /** The rules as plain text, one a line: {@code ID severity title}. */
  public static String ruleList(List<Rule> rules) {
    StringBuilder sb = new StringBuilder();
    for (Rule r : rules) {
      sb.append(String.format("%-7s %-8s %s%n", r.id(), r.severity().label(), r.title()));
    }
    return sb.toString();
  }

  /** The rules as JSON. */
  public static String ruleJson(List<Rule> rules) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Rule r : rules) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("severity", r.severity().label());
      m.put("title", r.title());
      m.put("rationale", r.rationale());
      m.put("fix", r.fix());
      out.add(m);
    }
    return write(MAPPER.valueToTree(out));
  }

  /** {@code --explain ID}. */
  public static String explain(Rule r) {
    return r.id() + " (" + r.severity().label() + "): " + r.title() + "\n"
        + "  Why: " + r.rationale() + "\n"
        + "  Fix: " + r.fix() + "\n"
        + "  Ignore: # " + (r.hadolint() ? "hadolint" : "stagebench") + " ignore=" + r.id()
        + " on the line before the instruction, or --ignore " + r.id() + "\n";
  }

  private static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("lint output must always serialize", e);
    }
  }
}
