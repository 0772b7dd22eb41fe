package io.stagebench.run;

import java.util.Arrays;
import java.util.List;

/**
 * Summary statistics of timing samples, with hyperfine's names: mean, stddev (sample standard
 * deviation, n - 1), median, min, max.
 */
public record Stats(double mean, double stddev, double median, double min, double max, int n) {
  /**
   * Computes the statistics of at least one sample.
   *
   * @throws IllegalArgumentException when there are no samples
   */
  public static Stats of(List<Long> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    double[] v = samples.stream().mapToDouble(Long::doubleValue).sorted().toArray();
    int n = v.length;
    double mean = Arrays.stream(v).sum() / n;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double stddev = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return new Stats(mean, stddev, median, v[0], v[n - 1], n);
  }
}
