package io.stagebench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The numbers behind the charts and tables, pulled out of a {@link Report} once: successful
 * builds as flat units, the fixture / variant / builder / scenario orders, and text formatting.
 * Everything degrades gracefully when the report leaves optional fields empty.
 */
final class ReportData {
  /** One built (ok, or pending in a partial report) variant with one builder. */
  record Unit(String fixture, String variant, String builder, Report.VariantResult variantResult, Report.BuildResultJson build) {
    Report.Image image() {
      return build.image();
    }

    String label() {
      return fixture + "/" + variant;
    }
  }

  /** A table: a title, column headers, rows of cells; {@code numeric[i]} right-aligns column i. */
  record Table(String title, List<String> headers, boolean[] numeric, List<List<String>> rows) {}

  final Report report;
  final List<Unit> units = new ArrayList<>();
  final List<String> fixtures = new ArrayList<>();
  final List<String> variants;
  final List<String> builders;
  final List<String> scenarios;

  ReportData(Report report) {
    this.report = report;
    Set<String> vs = new LinkedHashSet<>();
    Set<String> bs = new LinkedHashSet<>();
    Set<String> sc = new LinkedHashSet<>();
    if (report.run() != null && report.run().options() != null && report.run().options().scenarios() != null) {
      sc.addAll(report.run().options().scenarios());
    }
    for (Report.FixtureResult f : nz(report.fixtures())) {
      fixtures.add(f.name());
      for (Report.VariantResult v : nz(f.variants())) {
        vs.add(v.name());
        for (Report.BuildResultJson b : nz(v.builds())) {
          bs.add(b.builder());
          // "pending" units of a checkpoint or interrupted report count with what they measured so far
          if (b.image() != null && !"failed".equals(b.status()) && !"skipped".equals(b.status())) {
            units.add(new Unit(f.name(), v.name(), b.builder(), v, b));
            if (b.scenarios() != null) {
              sc.addAll(b.scenarios().keySet());
            }
          }
        }
      }
    }
    List<String> vl = new ArrayList<>(vs);
    if (vl.remove("single")) {
      vl.add(0, "single");
    }
    variants = vl;
    builders = new ArrayList<>(bs);
    scenarios = new ArrayList<>(sc);
  }

  static <T> List<T> nz(List<T> l) {
    return l == null ? List.of() : l;
  }

  /** The fixtures with at least one successful build, in report order. */
  List<String> measuredFixtures() {
    Set<String> s = new LinkedHashSet<>();
    for (String f : fixtures) {
      if (units.stream().anyMatch(u -> u.fixture.equals(f))) {
        s.add(f);
      }
    }
    return new ArrayList<>(s);
  }

  /** The first successful build of fixture/variant in builder order (sizes barely differ by builder). */
  Unit sizeUnit(String fixture, String variant) {
    for (String b : builders) {
      for (Unit u : units) {
        if (u.fixture.equals(fixture) && u.variant.equals(variant) && u.builder.equals(b)) {
          return u;
        }
      }
    }
    return null;
  }

  /** Percent size reduction of {@code u} against single of the same fixture and builder, or null. */
  Double reductionPercent(Unit u) {
    if (u.variant.equals("single")) {
      return null;
    }
    for (Unit s : units) {
      if (s.fixture.equals(u.fixture) && s.variant.equals("single") && s.builder.equals(u.builder) && s.image().sizeBytes() > 0) {
        return 100.0 * (s.image().sizeBytes() - u.image().sizeBytes()) / s.image().sizeBytes();
      }
    }
    return null;
  }

  static Report.ScenarioResult scenario(Unit u, String scenario) {
    if (u.build.scenarios() == null) {
      return null;
    }
    Report.ScenarioResult r = u.build.scenarios().get(scenario);
    return r == null || r.stats() == null || r.stats().n() == 0 ? null : r;
  }

  /** Where a layer's bytes come from, as a legend name. */
  static String origin(Report.Layer l) {
    String o = l.origin();
    if (o == null || o.isBlank()) {
      return "unknown";
    }
    return o;
  }

  /** The origins in display order: base, the stages by first appearance, final, unknown. */
  List<String> origins() {
    Set<String> stages = new LinkedHashSet<>();
    boolean base = false;
    boolean fin = false;
    boolean unknown = false;
    for (Unit u : units) {
      for (Report.Layer l : nz(u.image().layers())) {
        String o = origin(l);
        switch (o) {
          case "base" -> base = true;
          case "final" -> fin = true;
          case "unknown" -> unknown = true;
          default -> stages.add(o);
        }
      }
    }
    List<String> out = new ArrayList<>();
    if (base) {
      out.add("base");
    }
    out.addAll(stages);
    if (fin) {
      out.add("final");
    }
    if (unknown) {
      out.add("unknown");
    }
    return out;
  }

  Map<String, Long> composition(Unit u) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Report.Layer l : nz(u.image().layers())) {
      m.merge(origin(l), l.sizeBytes(), Long::sum);
    }
    return m;
  }

  static String seconds(double ms) {
    return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
  }

  static String pct(Double p) {
    return p == null ? "" : String.format(Locale.ROOT, "%.1f %%", p);
  }

  static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
