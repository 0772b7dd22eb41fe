package io.stagebench.report;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The committed reference report, {@code reports/baseline/report.json}, that nightly runs are
 * compared with.
 */
public final class Baseline {
  private Baseline() {}

  /** The baseline's place under a checkout. */
  public static Path file(Path home) {
    return home.resolve("reports").resolve("baseline").resolve("report.json");
  }

  /** The newest {@code reports/runs/<id>/report.json} (by modification time), if any. */
  public static Optional<Path> newestRun(Path home) throws IOException {
    Path runs = home.resolve("reports").resolve("runs");
    if (!Files.isDirectory(runs)) {
      return Optional.empty();
    }
    List<Path> reports = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(runs)) {
      for (Path d : dirs.toList()) {
        Path r = d.resolve("report.json");
        if (Files.isRegularFile(r)) {
          reports.add(r);
        }
      }
    }
    return reports.stream().max(Comparator.comparing((Path p) -> {
      try {
        return Files.getLastModifiedTime(p);
      } catch (IOException e) {
        return FileTime.fromMillis(0);
      }
    }).thenComparing(Path::toString));
  }

  /**
   * Makes {@code source} the baseline: it must be a readable report of this schema version from a
   * complete run; its bytes are copied unchanged, atomically.
   *
   * @return the report now in the baseline
   * @throws StagebenchException (environment) for what is not a report, (usage) for a run that did
   *     not complete unless {@code allowIncomplete}
   */
  public static Report update(Path home, Path source, boolean allowIncomplete) throws StagebenchException, IOException {
    Report r = ReportStore.read(source);
    if (!allowIncomplete && (!r.run().complete() || r.run().interrupted())) {
      throw new StagebenchException(Category.USAGE, source + " is from a run that did not complete (run "
          + r.run().id() + "); a baseline must be a full run: pass another report or --allow-incomplete");
    }
    ReportStore.writeBytes(file(home), Files.readAllBytes(source));
    return r;
  }
}
