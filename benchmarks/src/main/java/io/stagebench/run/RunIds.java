package io.stagebench.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run IDs: sortable by time, unique, valid in image tags, and naming the process that owns the
 * run ({@code 20261126t210500-p4242-3f9a}), so that {@code stagebench clean} can tell a run in
 * progress on this machine from a finished or dead one.
 */
public final class RunIds {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss", Locale.ROOT);
  private static final Pattern FORM = Pattern.compile("(\\d{8}t\\d{6})-p(\\d+)-[0-9a-f]{4}");

  /** Whether a run is still going: only this machine's processes can be asked. */
  public enum Liveness {
    /** Its process runs on this machine. */
    LIVE,
    /** Its process is gone: a finished, interrupted or killed run. */
    DEAD,
    /** Not a run ID this version writes (an older one, or another tool's): nothing is known. */
    UNKNOWN
  }

  private RunIds() {}

  public static String next() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(TIME) + "-p" + ProcessHandle.current().pid() + "-"
        + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** A tag unique to the run: {@code sbrun/<fixture>:<variant>-<builder>-<runId>}. */
  public static String tag(String runId, String fixture, String variant, String builder) {
    return "sbrun/" + fixture + ":" + variant + "-" + builder + "-" + runId;
  }

  /** Whether the process that started {@code runId} still runs here. */
  public static Liveness liveness(String runId) {
    Matcher m = FORM.matcher(runId == null ? "" : runId);
    if (!m.matches()) {
      return Liveness.UNKNOWN;
    }
    Instant started;
    try {
      started = LocalDateTime.parse(m.group(1), TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Liveness.UNKNOWN;
    }
    long pid = Long.parseLong(m.group(2));
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return Liveness.DEAD;
    }
    // A reused pid: a process that started after the run did cannot be its owner.
    Optional<Instant> procStart = p.get().info().startInstant();
    if (procStart.isPresent() && procStart.get().isAfter(started.plus(Duration.ofMinutes(1)))) {
      return Liveness.DEAD;
    }
    return Liveness.LIVE;
  }
}
