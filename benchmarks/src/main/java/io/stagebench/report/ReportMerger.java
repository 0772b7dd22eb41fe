package io.stagebench.report;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins shard reports into one. Reports measured under different conditions (profile, engine,
 * tool version) are refused unless forced, because their numbers do not compare.
 */
public final class ReportMerger {
  private ReportMerger() {}

  /**
   * Merges the reports in order.
   *
   * @throws StagebenchException (check failed) when they differ in profile, engine or tool version
   *     and {@code force} is off, or (usage) when a unit appears in two of them
   */
  public static Report merge(List<Report> reports, boolean force) throws StagebenchException {
    if (reports.isEmpty()) {
      throw new StagebenchException(Category.USAGE, "merge needs at least one report");
    }
    Report first = reports.get(0);
    for (Report r : reports.subList(1, reports.size())) {
      if (!force) {
        same("profile", first.environment().profile(), r.environment().profile(), r);
        same("engine version", engineVersion(first), engineVersion(r), r);
        same("tool version", first.tool().version(), r.tool().version(), r);
        same("base image IDs", first.environment().baseImages(), r.environment().baseImages(), r);
      }
    }
    Map<String, Map<String, List<Report.BuildResultJson>>> builds = new LinkedHashMap<>();
    Map<String, Report.FixtureResult> fixtures = new LinkedHashMap<>();
    Map<String, Report.VariantResult> variants = new LinkedHashMap<>();
    Map<String, List<Report.Comparison>> comparisons = new LinkedHashMap<>();
    List<Report.Failure> failures = new ArrayList<>();
    boolean complete = true;
    boolean interrupted = false;
    String finished = first.run().finishedAt();
    for (Report r : reports) {
      complete &= r.run().complete();
      interrupted |= r.run().interrupted();
      if (r.run().finishedAt() != null && (finished == null || r.run().finishedAt().compareTo(finished) > 0)) {
        finished = r.run().finishedAt();
      }
      failures.addAll(r.failures());
      for (Report.FixtureResult f : r.fixtures()) {
        fixtures.putIfAbsent(f.name(), f);
        if (f.comparisons() != null) {
          comparisons.computeIfAbsent(f.name(), k -> new ArrayList<>()).addAll(f.comparisons());
        }
        for (Report.VariantResult v : f.variants()) {
          variants.putIfAbsent(f.name() + "/" + v.name(), v);
          List<Report.BuildResultJson> list =
              builds.computeIfAbsent(f.name(), k -> new LinkedHashMap<>()).computeIfAbsent(v.name(), k -> new ArrayList<>());
          for (Report.BuildResultJson b : v.builds()) {
            if (list.stream().anyMatch(x -> x.builder().equals(b.builder()))) {
              throw new StagebenchException(Category.USAGE, f.name() + "/" + v.name() + " [" + b.builder()
                  + "] is in two of the reports; merge reports of different shards");
            }
            list.add(b);
          }
        }
      }
    }
    List<Report.FixtureResult> merged = new ArrayList<>();
    for (Report.FixtureResult f : fixtures.values()) {
      List<Report.VariantResult> vs = new ArrayList<>();
      for (Map.Entry<String, List<Report.BuildResultJson>> e : builds.get(f.name()).entrySet()) {
        Report.VariantResult v = variants.get(f.name() + "/" + e.getKey());
        vs.add(new Report.VariantResult(v.name(), v.dockerfile(), v.pattern(), v.target(), v.production(), v.lint(), e.getValue()));
      }
      merged.add(new Report.FixtureResult(f.name(), f.path(), f.language(), f.description(), vs,
          comparisons.getOrDefault(f.name(), List.of())));
    }
    Report.Options o = first.run().options();
    Report.Options opts = o == null ? null
        : new Report.Options(o.fixtures(), o.variants(), o.scenarios(), o.builders(), o.reps(), o.warmup(), "merged:" + reports.size());
    Report.Run run = new Report.Run(first.run().id(), first.run().startedAt(), finished, complete, interrupted, opts);
    return new Report(Report.SCHEMA_VERSION, first.tool(), run, first.environment(), merged, failures);
  }

  private static String engineVersion(Report r) {
    return r.environment().engine() == null ? null : r.environment().engine().version();
  }

  private static void same(String what, Object a, Object b, Report r) throws StagebenchException {
    if (!Objects.equals(a, b)) {
      throw new StagebenchException(Category.CHECK_FAILED, "report of run " + r.run().id() + " has another " + what
          + " (" + b + " vs " + a + "); its numbers do not compare; pass --force to merge anyway");
    }
  }
}
