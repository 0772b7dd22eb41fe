package io.stagebench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A current report against a baseline: per fixture, variant, builder and scenario, the size change
 * and the time change with Welch's t-test (see {@link Welch} for why Welch). A change is a
 * regression only when it is beyond every threshold (and, for times, statistically significant);
 * an improvement likewise in the other direction. Pure: no I/O.
 */
public final class Comparison {
  private Comparison() {}

  /**
   * When a change counts.
   *
   * @param maxSizeIncreasePercent a size change beyond this percentage (either way) counts
   * @param maxTimeIncreasePercent a mean time change beyond this percentage (either way) may count
   * @param minTimeDeltaMillis ... and beyond this many milliseconds
   * @param alpha ... and with a two-sided Welch p-value below this
   */
  public record Thresholds(double maxSizeIncreasePercent, double maxTimeIncreasePercent, double minTimeDeltaMillis, double alpha) {
    public static final Thresholds DEFAULT = new Thresholds(1.0, 20.0, 250, 0.05);
  }

  /** What a change amounts to. */
  public enum Verdict {
    /** Worse beyond every threshold (and significant, for times). */
    REGRESSION,
    /** Better beyond every threshold (and significant, for times). */
    IMPROVEMENT,
    /** Within the thresholds, or not significant. */
    UNCHANGED,
    /** Fewer than two samples on a side, or no variance at all: the time test is undefined. */
    NOT_TESTED;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** The final image size of one build, before and after. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SizeChange(
      String fixture, String variant, String builder, long baselineBytes, long currentBytes,
      long deltaBytes, double deltaPercent, Verdict verdict, String note) {
    public SizeChange(String fixture, String variant, String builder, long baselineBytes, long currentBytes,
        long deltaBytes, double deltaPercent, Verdict verdict) {
      this(fixture, variant, builder, baselineBytes, currentBytes, deltaBytes, deltaPercent, verdict, null);
    }

    public String unit() {
      return fixture + "/" + variant + " [" + builder + "]";
    }
  }

  /**
   * The wall time of one scenario, before and after.
   *
   * @param t Welch's t (null when not tested)
   * @param df its degrees of freedom (null when not tested)
   * @param p its two-sided p-value (null when not tested)
   * @param note why it was not tested, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TimeChange(
      String fixture, String variant, String builder, String scenario,
      int baselineN, int currentN, double baselineMeanMillis, double currentMeanMillis,
      double deltaMillis, double deltaPercent, Double t, Double df, Double p, Verdict verdict, String note) {
    public String unit() {
      return fixture + "/" + variant + " [" + builder + "] " + scenario;
    }
  }

  /** A build that was ok and now is not, or the other way round. */
  public record StatusChange(String fixture, String variant, String builder, String baselineStatus, String currentStatus, Verdict verdict) {
    public String unit() {
      return fixture + "/" + variant + " [" + builder + "]";
    }
  }

  /**
   * The whole comparison.
   *
   * @param environment differences in engine, profile, base images, host or tool that explain
   *     differences in the numbers (empty when the conditions match)
   * @param added units (fixture, fixture/variant, fixture/variant [builder] or ... scenario) only in the current report
   * @param removed units only in the baseline
   */
  public record Result(
      String baselineRun, String currentRun, Thresholds thresholds, List<String> environment,
      List<StatusChange> statuses, List<SizeChange> sizes, List<TimeChange> times,
      List<String> added, List<String> removed) {

    public List<StatusChange> statusRegressions() {
      return statuses.stream().filter(s -> s.verdict() == Verdict.REGRESSION).toList();
    }

    public List<SizeChange> sizeRegressions() {
      return sizes.stream().filter(s -> s.verdict() == Verdict.REGRESSION).toList();
    }

    public List<TimeChange> timeRegressions() {
      return times.stream().filter(s -> s.verdict() == Verdict.REGRESSION).toList();
    }

    public int regressionCount() {
      return statusRegressions().size() + sizeRegressions().size() + timeRegressions().size();
    }

    public boolean regressed() {
      return regressionCount() > 0;
    }
  }

  /** Compares {@code current} with {@code baseline}. */
  public static Result compare(Report baseline, Report current, Thresholds th) {
    List<String> env = environmentChanges(baseline, current);
    String sizeNote = sizesComparable(baseline, current);
    Map<String, Report.FixtureResult> bf = fixtures(baseline);
    Map<String, Report.FixtureResult> cf = fixtures(current);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<StatusChange> statuses = new ArrayList<>();
    List<SizeChange> sizes = new ArrayList<>();
    List<TimeChange> times = new ArrayList<>();
    for (String f : union(bf.keySet(), cf.keySet())) {
      if (!cf.containsKey(f)) {
        removed.add(f);
        continue;
      }
      if (!bf.containsKey(f)) {
        added.add(f);
        continue;
      }
      Map<String, Report.VariantResult> bv = variants(bf.get(f));
      Map<String, Report.VariantResult> cv = variants(cf.get(f));
      for (String v : union(bv.keySet(), cv.keySet())) {
        if (!cv.containsKey(v)) {
          removed.add(f + "/" + v);
          continue;
        }
        if (!bv.containsKey(v)) {
          added.add(f + "/" + v);
          continue;
        }
        Map<String, Report.BuildResultJson> bb = builds(bv.get(v));
        Map<String, Report.BuildResultJson> cb = builds(cv.get(v));
        for (String b : union(bb.keySet(), cb.keySet())) {
          if (!cb.containsKey(b)) {
            removed.add(f + "/" + v + " [" + b + "]");
            continue;
          }
          if (!bb.containsKey(b)) {
            added.add(f + "/" + v + " [" + b + "]");
            continue;
          }
          compareBuild(f, v, b, bb.get(b), cb.get(b), th, sizeNote, statuses, sizes, times, added, removed);
        }
      }
    }
    return new Result(baseline.run().id(), current.run().id(), th, env, statuses, sizes, times, added, removed);
  }

  private static void compareBuild(String f, String v, String b, Report.BuildResultJson base, Report.BuildResultJson cur,
      Thresholds th, String sizeNote, List<StatusChange> statuses, List<SizeChange> sizes, List<TimeChange> times,
      List<String> added, List<String> removed) {
    boolean baseOk = "ok".equals(base.status());
    boolean curOk = "ok".equals(cur.status());
    if (!Objects.equals(base.status(), cur.status())) {
      Verdict verdict = baseOk && "failed".equals(cur.status()) ? Verdict.REGRESSION
          : !baseOk && curOk ? Verdict.IMPROVEMENT : Verdict.UNCHANGED;
      statuses.add(new StatusChange(f, v, b, base.status(), cur.status(), verdict));
    }
    if (base.image() != null && cur.image() != null) {
      long before = base.image().sizeBytes();
      long after = cur.image().sizeBytes();
      long delta = after - before;
      double pct = before == 0 ? (delta == 0 ? 0 : Double.POSITIVE_INFINITY) : 100.0 * delta / before;
      Verdict verdict = sizeNote != null ? Verdict.NOT_TESTED
          : pct > th.maxSizeIncreasePercent() ? Verdict.REGRESSION
          : -pct > th.maxSizeIncreasePercent() ? Verdict.IMPROVEMENT : Verdict.UNCHANGED;
      sizes.add(new SizeChange(f, v, b, before, after, delta, pct, verdict, sizeNote));
    }
    Map<String, Report.ScenarioResult> bs = base.scenarios() == null ? Map.of() : base.scenarios();
    Map<String, Report.ScenarioResult> cs = cur.scenarios() == null ? Map.of() : cur.scenarios();
    for (String s : union(bs.keySet(), cs.keySet())) {
      if (!cs.containsKey(s)) {
        removed.add(f + "/" + v + " [" + b + "] " + s);
        continue;
      }
      if (!bs.containsKey(s)) {
        added.add(f + "/" + v + " [" + b + "] " + s);
        continue;
      }
      List<Double> a = samples(bs.get(s));
      List<Double> c = samples(cs.get(s));
      if (a.isEmpty() || c.isEmpty()) {
        continue;
      }
      times.add(timeChange(f, v, b, s, a, c, th));
    }
  }

  /** One scenario's time change, tested with Welch's t-test. */
  static TimeChange timeChange(String f, String v, String b, String s, List<Double> a, List<Double> c, Thresholds th) {
    double ma = Welch.mean(a);
    double mc = Welch.mean(c);
    double delta = mc - ma;
    double pct = ma == 0 ? 0 : 100.0 * delta / ma;
    Optional<Welch.Result> test = Welch.test(a, c);
    if (test.isEmpty()) {
      String note = a.size() < 2 || c.size() < 2
          ? "too few samples (" + a.size() + " vs " + c.size() + "; the test needs 2 per side)"
          : "no variance on either side; the test is undefined";
      return new TimeChange(f, v, b, s, a.size(), c.size(), ma, mc, delta, pct, null, null, null, Verdict.NOT_TESTED, note);
    }
    Welch.Result r = test.get();
    boolean significant = r.p() < th.alpha();
    Verdict verdict = Verdict.UNCHANGED;
    if (significant && pct > th.maxTimeIncreasePercent() && delta > th.minTimeDeltaMillis()) {
      verdict = Verdict.REGRESSION;
    } else if (significant && -pct > th.maxTimeIncreasePercent() && -delta > th.minTimeDeltaMillis()) {
      verdict = Verdict.IMPROVEMENT;
    }
    return new TimeChange(f, v, b, s, a.size(), c.size(), ma, mc, delta, pct, r.t(), r.df(), r.p(), verdict, null);
  }

  /** Docker's graph drivers: on them the engine's own image size is the uncompressed size. */
  private static final Set<String> GRAPH_DRIVERS =
      Set.of("overlay2", "overlay", "aufs", "btrfs", "zfs", "devicemapper", "vfs", "fuse-overlayfs");

  /**
   * Null when both reports' image sizes mean the uncompressed size; otherwise why they cannot be
   * compared. Reports written before the image store was recorded hold the engine's own size, which
   * is the uncompressed size only on a graph driver: a report of such a version from the containerd
   * store or Podman counts something else, and a store change must not pass for a size change.
   */
  static String sizesComparable(Report a, Report b) {
    for (Report r : List.of(a, b)) {
      Report.Engine e = r.environment() == null ? null : r.environment().engine();
      if (e != null && e.imageStore() == null && e.storageDriver() != null && !GRAPH_DRIVERS.contains(e.storageDriver())) {
        return "run " + r.run().id() + " recorded the engine's own image size on storage " + e.storageDriver()
            + " (not a graph driver), which is not the uncompressed size; measure it again with this version";
      }
    }
    return null;
  }

  /**
   * Differences in the conditions of the two runs, one line each; the engine's kind, image store and
   * builders first, since they change what a number means.
   */
  static List<String> environmentChanges(Report a, Report b) {
    List<String> out = new ArrayList<>();
    Report.Environment ea = a.environment();
    Report.Environment eb = b.environment();
    Report.Engine ga = ea == null ? null : ea.engine();
    Report.Engine gb = eb == null ? null : eb.engine();
    diff(out, "engine kind", ga == null ? null : ga.kindOrDefault(), gb == null ? null : gb.kindOrDefault());
    diff(out, "image store", ga == null ? null : ga.imageStoreOrDefault(), gb == null ? null : gb.imageStoreOrDefault());
    diff(out, "builders", ga == null ? null : ga.builders(), gb == null ? null : gb.builders());
    diff(out, "profile", ea == null ? null : ea.profile(), eb == null ? null : eb.profile());
    diff(out, "registry mirrors", ga == null ? null : ga.registryMirrors(), gb == null ? null : gb.registryMirrors());
    calibration(out, ga == null ? null : ga.calibration(), gb == null ? null : gb.calibration());
    diff(out, "engine version", ga == null ? null : ga.version(), gb == null ? null : gb.version());
    diff(out, "engine API", ga == null ? null : ga.apiVersion(), gb == null ? null : gb.apiVersion());
    diff(out, "storage driver", ga == null ? null : ga.storageDriver(), gb == null ? null : gb.storageDriver());
    diff(out, "engine OS/arch", ga == null ? null : ga.os() + "/" + ga.architecture(), gb == null ? null : gb.os() + "/" + gb.architecture());
    Report.Host ha = ea == null ? null : ea.host();
    Report.Host hb = eb == null ? null : eb.host();
    diff(out, "host CPUs", ha == null ? null : ha.cpus(), hb == null ? null : hb.cpus());
    diff(out, "host memory bytes", ha == null ? null : ha.memoryBytes(), hb == null ? null : hb.memoryBytes());
    diff(out, "Java", ha == null ? null : ha.javaVersion(), hb == null ? null : hb.javaVersion());
    Map<String, Report.BaseImage> ba = ea == null || ea.baseImages() == null ? Map.of() : ea.baseImages();
    Map<String, Report.BaseImage> bb = eb == null || eb.baseImages() == null ? Map.of() : eb.baseImages();
    for (String k : union(ba.keySet(), bb.keySet())) {
      Report.BaseImage x = ba.get(k);
      Report.BaseImage y = bb.get(k);
      if (x == null || y == null || !Objects.equals(x.image(), y.image()) || !Objects.equals(x.id(), y.id())) {
        out.add("base image " + k + ": " + base(x) + " -> " + base(y));
      }
    }
    diff(out, "stagebench version", a.tool() == null ? null : a.tool().version(), b.tool() == null ? null : b.tool().version());
    return out;
  }

  /** A calibration build that took this much longer or shorter means the engine itself changed speed. */
  static final double CALIBRATION_RATIO = 1.5;

  /**
   * The engine's own speed change, per builder, when its calibration build took more than
   * {@link #CALIBRATION_RATIO} times longer or shorter: the times of the two runs differ for that
   * reason too, whatever the fixtures did.
   */
  private static void calibration(List<String> out, Report.Calibration a, Report.Calibration b) {
    if (a == null || b == null || a.millis() == null || b.millis() == null) {
      return;
    }
    for (Map.Entry<String, Long> e : a.millis().entrySet()) {
      Long after = b.millis().get(e.getKey());
      if (after == null || e.getValue() <= 0 || after <= 0) {
        continue;
      }
      double ratio = (double) after / e.getValue();
      if (ratio > CALIBRATION_RATIO || ratio < 1 / CALIBRATION_RATIO) {
        out.add(String.format(Locale.ROOT, "engine calibration %s: %d ms -> %d ms (%.1fx): the engine itself is %s",
            e.getKey(), e.getValue(), after, ratio, ratio > 1 ? "slower" : "faster"));
      }
    }
  }

  private static String base(Report.BaseImage x) {
    if (x == null) {
      return "(none)";
    }
    String id = x.id() == null ? "?" : x.id().replaceFirst("^sha256:", "");
    return x.image() + " (" + id.substring(0, Math.min(12, id.length())) + ")";
  }

  private static void diff(List<String> out, String what, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(what + ": " + a + " -> " + b);
    }
  }

  private static List<Double> samples(Report.ScenarioResult r) {
    if (r == null || r.samples() == null || r.skipped() != null) {
      return List.of();
    }
    return r.samples().stream().map(x -> (double) x.wallMillis()).toList();
  }

  private static Map<String, Report.FixtureResult> fixtures(Report r) {
    Map<String, Report.FixtureResult> m = new LinkedHashMap<>();
    if (r.fixtures() != null) {
      r.fixtures().forEach(f -> m.put(f.name(), f));
    }
    return m;
  }

  private static Map<String, Report.VariantResult> variants(Report.FixtureResult f) {
    Map<String, Report.VariantResult> m = new LinkedHashMap<>();
    if (f.variants() != null) {
      f.variants().forEach(v -> m.put(v.name(), v));
    }
    return m;
  }

  private static Map<String, Report.BuildResultJson> builds(Report.VariantResult v) {
    Map<String, Report.BuildResultJson> m = new LinkedHashMap<>();
    if (v.builds() != null) {
      v.builds().forEach(b -> m.put(b.builder(), b));
    }
    return m;
  }

  private static List<String> union(Set<String> a, Set<String> b) {
    TreeSet<String> s = new TreeSet<>(a);
    s.addAll(b);
    return new ArrayList<>(s);
  }
}
