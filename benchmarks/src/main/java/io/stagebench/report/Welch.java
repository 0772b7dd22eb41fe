package io.stagebench.report;

import java.util.List;
import java.util.Optional;

/**
 * Welch's unequal-variances t-test, with the Student t distribution computed here through the
 * regularized incomplete beta function (no statistics library in the jar).
 *
 * <p>Why Welch: build times of two runs come from different days, machines or loads, so their
 * variances need not be equal (Student's pooled test assumes they are), and the sample counts are
 * small (3 to 10), where Welch's test keeps its error rate and a rank test such as Mann–Whitney U
 * cannot reach significance at all (with 3 against 3 samples its smallest two-sided p is 0.1).
 */
public final class Welch {
  private Welch() {}

  /**
   * A test result.
   *
   * @param t the statistic, positive when {@code b}'s mean is larger
   * @param df Welch–Satterthwaite degrees of freedom
   * @param p two-sided p-value
   */
  public record Result(double t, double df, double p) {}

  /** Sample mean. */
  public static double mean(List<Double> xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.size();
  }

  /** Sample variance (n - 1 in the denominator); needs two values. */
  public static double variance(List<Double> xs) {
    double m = mean(xs);
    double s = 0;
    for (double x : xs) {
      s += (x - m) * (x - m);
    }
    return s / (xs.size() - 1);
  }

  /**
   * Tests whether the means of {@code a} and {@code b} differ.
   *
   * @return empty when either side has fewer than two samples or both have zero variance: the test
   *     is undefined there, and the caller must say so instead of inventing a p-value
   */
  public static Optional<Result> test(List<Double> a, List<Double> b) {
    if (a.size() < 2 || b.size() < 2) {
      return Optional.empty();
    }
    double va = variance(a) / a.size();
    double vb = variance(b) / b.size();
    double se2 = va + vb;
    if (!(se2 > 0)) {
      return Optional.empty();
    }
    double t = (mean(b) - mean(a)) / Math.sqrt(se2);
    double df = se2 * se2 / (va * va / (a.size() - 1) + vb * vb / (b.size() - 1));
    return Optional.of(new Result(t, df, twoSidedP(t, df)));
  }

  /** P(|T| >= |t|) for Student's t with {@code df} degrees of freedom. */
  public static double twoSidedP(double t, double df) {
    if (Double.isInfinite(t)) {
      return 0;
    }
    return regularizedBeta(df / (df + t * t), df / 2, 0.5);
  }

  /** The Student t cumulative distribution function P(T <= t). */
  public static double cdf(double t, double df) {
    double tail = 0.5 * twoSidedP(t, df);
    return t >= 0 ? 1 - tail : tail;
  }

  /**
   * The regularized incomplete beta function I_x(a, b), by its continued fraction (evaluated with
   * the modified Lentz method), using the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction
   * converges slowly.
   */
  public static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(lnFront) * betaFraction(x, a, b) / a;
    }
    return 1 - Math.exp(lnFront) * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    final double eps = 1e-15;
    // The fraction 1 / (1 + d1 / (1 + d2 / (1 + ...))) with
    // d(2m+1) = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)), d(2m) = m(b-m)x / ((a+2m-1)(a+2m)).
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double f = d;
    for (int m = 1; m <= 10_000; m++) {
      double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
      d = 1 + even * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + even / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      f *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
      d = 1 + odd * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + odd / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = d * c;
      f *= delta;
      if (Math.abs(delta - 1) < eps) {
        return f;
      }
    }
    return f;
  }

  /** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, nine coefficients; about 15 digits). */
  public static double logGamma(double x) {
    if (x < 0.5) {
      // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double[] g = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7};
    double z = x - 1;
    double s = g[0];
    for (int i = 1; i < g.length; i++) {
      s += g[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
  }
}
