package io.stagebench.run;

import java.util.Locale;

/**
 * Superseded by {@link io.stagebench.Units}; kept only for {@link BenchRunner}, whose disk-full
 * failure reason is written into report.json in this format.
 */
public final class Units {
  private Units() {}

  /** Bytes in binary-free decimal units as docker prints them: {@code 74.8 MB}. */
  public static String bytes(long b) {
    if (b < 1000) {
      return b + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = b;
    int i = -1;
    while (v >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[i]);
  }

  /** Milliseconds as seconds with one decimal, or ms below a second. */
  public static String millis(long ms) {
    return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
