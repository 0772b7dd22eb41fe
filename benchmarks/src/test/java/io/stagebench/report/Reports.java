package io.stagebench.report;

import io.stagebench.run.Stats;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Hand-made reports for tests. */
final class Reports {
  private Reports() {}

  static Report.BuildResultJson build(String builder, long size, long... warmMillis) {
    List<Report.Sample> samples = Arrays.stream(warmMillis).mapToObj(m -> new Report.Sample(m, 5, 5, 0)).toList();
    return new Report.BuildResultJson(builder, "ok", null, null,
        new Report.Image("sha256:" + size, size, null, 3, List.of(), null), new Report.Smoke(true, 120L, "ok"),
        Map.of("warm", new Report.ScenarioResult(samples, new Report.Stats(1, 0, 1, 1, 1, samples.size()), null)));
  }

  static Report report(String runId, String engineVersion, List<Report.FixtureResult> fixtures) {
    return new Report(Report.SCHEMA_VERSION, new Report.Tool("stagebench", "0.1.0", "abc"),
        new Report.Run(runId, "2026-11-26T20:00:00Z", "2026-11-26T20:10:00Z", true, false,
            new Report.Options(List.of(), List.of(), List.of("warm"), List.of("classic"), 3, 0, "1/2")),
        new Report.Environment(new Report.Engine(engineVersion, "1.41", "overlay2", "Debian", "x86_64", Map.of("classic", "x")),
            new Report.Host(2, 24L << 30, "17"), "offline", Map.of("DEBIAN_IMAGE", new Report.BaseImage("stagebench/debian:bookworm-slim", "sha256:1"))),
        fixtures, List.of());
  }

  static Report.FixtureResult fixture(String name, Report.VariantResult... variants) {
    return new Report.FixtureResult(name, "fixtures/" + name, "go", "demo", List.of(variants), List.of());
  }

  static Report.VariantResult variant(String name, Report.BuildResultJson... builds) {
    return new Report.VariantResult(name, "Dockerfile." + name, "p", null, true, null, List.of(builds));
  }
}
