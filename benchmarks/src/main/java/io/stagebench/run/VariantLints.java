package io.stagebench.run;

import io.stagebench.bases.Profile;
import io.stagebench.fixture.Fixture;
import io.stagebench.report.Report;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lint findings of each variant's Dockerfile for a run's reports, linted once: the report is
 * written after every round (and from the Ctrl-C hook), and the Dockerfiles do not change meanwhile.
 */
final class VariantLints {
  private record Key(Fixture fixture, Fixture.Variant variant) {}

  private final Profile profile;
  private final Map<Key, List<Report.LintFinding>> found = new ConcurrentHashMap<>();

  VariantLints(Profile profile) {
    this.profile = profile;
  }

  List<Report.LintFinding> of(Fixture f, Fixture.Variant v) {
    return found.computeIfAbsent(new Key(f, v), k -> VariantFiles.lint(f, v, profile));
  }
}
