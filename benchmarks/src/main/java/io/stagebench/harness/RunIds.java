package io.stagebench.harness;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Run IDs: sortable by time, unique, and valid in image tags ({@code 20261126t2105-3f9a}). */
public final class RunIds {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss", Locale.ROOT);

  private RunIds() {}

  public static String next() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(TIME) + "-"
        + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** A tag unique to the run: {@code sbrun/<fixture>:<variant>-<builder>-<runId>}. */
  public static String tag(String runId, String fixture, String variant, String builder) {
    return "sbrun/" + fixture + ":" + variant + "-" + builder + "-" + runId;
  }
}
