package io.stagebench;

import java.util.Locale;

/** Human units for text output only; JSON keeps bytes and milliseconds. */
public final class Units {
  private static final String[] BYTE_UNITS = {"kB", "MB", "GB", "TB"};
  private static final double[] BYTE_SCALES = {1e3, 1e6, 1e9, 1e12};

  private Units() {}

  /**
   * Bytes in SI units as Docker's CLI prints them (1 kB = 1000 bytes): {@code 999 B}, {@code 1.0
   * kB}, {@code 74.8 MB}, {@code 1.50 GB}; one decimal for kB and MB, two for GB and TB. A value
   * that would round to 1000 of a unit is given in the next one ({@code 999950} is {@code 1.0 MB},
   * not {@code 1000.0 kB}). Negative values keep their sign.
   */
  public static String bytes(long b) {
    if (b > -1000 && b < 1000) {
      return b + " B";
    }
    String sign = b < 0 ? "-" : "";
    double abs = Math.abs((double) b);
    for (int i = 0; ; i++) {
      String digits = String.format(Locale.ROOT, i < 2 ? "%.1f" : "%.2f", abs / BYTE_SCALES[i]);
      if (i == BYTE_UNITS.length - 1 || Double.parseDouble(digits) < 1000) {
        return sign + digits + " " + BYTE_UNITS[i];
      }
    }
  }

  /** Milliseconds as seconds with one decimal, or ms below a second. */
  public static String millis(long ms) {
    return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
