package io.stagebench.cli;

import io.stagebench.StagebenchException;
import io.stagebench.Units;
import io.stagebench.image.ImageReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dive's CI rules ({@code .dive-ci}) plus {@code maxSize}, evaluated on an {@link ImageReport}. */
final class CiRules {
  record Rule(String name, double threshold) {}

  record Outcome(String rule, boolean pass, String detail) {}

  private static final Pattern SIZE = Pattern.compile("(?i)^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kmgt]?i?b?)?\\s*$");

  private CiRules() {}

  static void add(List<Rule> rules, String name, String value, boolean bytes) throws StagebenchException {
    if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("disabled")) {
      return;
    }
    double v;
    try {
      v = bytes ? parseBytes(value) : Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new StagebenchException(StagebenchException.Category.USAGE, "bad value for " + name + ": " + value + (bytes ? " (use bytes or 20MB, 1.5GiB)" : " (use a ratio such as 0.9)"));
    }
    if (!bytes && (v < 0 || v > 1)) {
      throw new StagebenchException(StagebenchException.Category.USAGE, name + " must be a ratio between 0 and 1, got " + value);
    }
    rules.add(new Rule(name, v));
  }

  /** Parses 1048576, 20MB (decimal), 20MiB (binary), 1.5GB; dive's humanize parsing accepts these. */
  static long parseBytes(String s) {
    Matcher m = SIZE.matcher(s);
    if (!m.matches()) {
      throw new NumberFormatException(s);
    }
    double n = Double.parseDouble(m.group(1));
    String u = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    boolean bin = u.contains("i");
    double base = bin ? 1024 : 1000;
    int pow = u.isEmpty() || u.equals("b") ? 0 : "kmgt".indexOf(u.charAt(0)) + 1;
    return Math.round(n * Math.pow(base, pow));
  }

  /** Reads the {@code rules:} map of a .dive-ci YAML file (flat keys, scalar values). */
  static Map<String, String> readDiveCi(String yaml) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean inRules = false;
    for (String raw : yaml.split("\n")) {
      String line = raw.replaceAll("\\s+#.*$", "").replaceAll("^#.*$", "");
      if (line.isBlank()) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        inRules = line.trim().equals("rules:");
        continue;
      }
      if (inRules) {
        int c = line.indexOf(':');
        if (c > 0) {
          String v = line.substring(c + 1).trim().replaceAll("^[\"']|[\"']$", "");
          out.put(line.substring(0, c).trim(), v);
        }
      }
    }
    return out;
  }

  static List<Outcome> evaluate(List<Rule> rules, ImageReport r) {
    List<Outcome> out = new ArrayList<>();
    for (Rule rule : rules) {
      switch (rule.name()) {
        case "lowestEfficiency" -> out.add(new Outcome(rule.name(), r.dive().efficiency() >= rule.threshold(),
            String.format(Locale.ROOT, "efficiency %.4f, lowest allowed %.4f", r.dive().efficiency(), rule.threshold())));
        case "highestWastedBytes" -> out.add(new Outcome(rule.name(), r.dive().wastedBytes() <= rule.threshold(),
            "wasted " + Units.bytes(r.dive().wastedBytes()) + ", highest allowed " + Units.bytes((long) rule.threshold())));
        case "highestUserWastedPercent" -> out.add(new Outcome(rule.name(), r.dive().userWastedPercent() <= rule.threshold(),
            String.format(Locale.ROOT, "user wasted %.4f, highest allowed %.4f", r.dive().userWastedPercent(), rule.threshold())));
        case "maxSize" -> out.add(new Outcome(rule.name(), r.image().sizeBytes() <= rule.threshold(),
            "size " + Units.bytes(r.image().sizeBytes()) + ", largest allowed " + Units.bytes((long) rule.threshold())));
        default -> throw new IllegalStateException(rule.name());
      }
    }
    return out;
  }
}
