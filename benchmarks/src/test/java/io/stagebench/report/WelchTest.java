package io.stagebench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Welch's test and the t distribution against values computed independently: closed forms of the
 * t CDF for 1 and 2 degrees of freedom, printed t tables, and a published two-sample example
 * (samples {2, 1, 3, 4} and {6, 5, 7, 9}: Welch t = -3.97034, df = 5.58462, p = 0.0085129;
 * Student's pooled test on the same data: df = 6, p = 0.0073641, the figures R's t.test gives).
 */
class WelchTest {
  @Test
  void cdfMatchesClosedFormsForOneAndTwoDegreesOfFreedom() {
    for (double t : new double[] {-7.5, -2, -0.3, 0, 0.4, 1, 3.2, 40}) {
      // df = 1 is the Cauchy distribution: 1/2 + atan(t)/pi.
      assertThat(Welch.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-12));
      // df = 2: 1/2 + t / (2 sqrt(2 + t^2)).
      assertThat(Welch.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), within(1e-12));
    }
  }

  @Test
  void criticalValuesFromPrintedTables() {
    // Two-sided 5% critical values: 12.706 (1 df), 2.228 (10 df), 2.042 (30 df); 1% at 5 df: 4.032.
    assertThat(Welch.twoSidedP(12.706, 1)).isCloseTo(0.05, within(1e-4));
    assertThat(Welch.twoSidedP(2.228, 10)).isCloseTo(0.05, within(1e-4));
    assertThat(Welch.twoSidedP(2.042, 30)).isCloseTo(0.05, within(1e-4));
    assertThat(Welch.twoSidedP(4.032, 5)).isCloseTo(0.01, within(1e-4));
    // Large df tends to the normal distribution: 1.95996 two-sided 5%.
    assertThat(Welch.twoSidedP(1.959964, 1e7)).isCloseTo(0.05, within(1e-5));
  }

  @Test
  void logGammaOfKnownValues() {
    assertThat(Welch.logGamma(1)).isCloseTo(0, within(1e-13));
    assertThat(Welch.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
    assertThat(Welch.logGamma(10)).isCloseTo(Math.log(362880), within(1e-11));
  }

  @Test
  void publishedTwoSampleExample() {
    List<Double> a = List.of(2.0, 1.0, 3.0, 4.0);
    List<Double> b = List.of(6.0, 5.0, 7.0, 9.0);
    Welch.Result r = Welch.test(b, a).orElseThrow();
    assertThat(r.t()).isCloseTo(-3.9703446152237674, within(1e-12));
    assertThat(r.df()).isCloseTo(5.584615384615385, within(1e-12));
    assertThat(r.p()).isCloseTo(0.0085128631313781695, within(1e-10));
    // The pooled test's p at an integer df checks the distribution once more.
    assertThat(Welch.twoSidedP(3.9703446152237674, 6)).isCloseTo(0.0073640592242113214, within(1e-10));
    // Identical samples: t = 0, p = 1.
    Welch.Result same = Welch.test(a, a).orElseThrow();
    assertThat(same.t()).isZero();
    assertThat(same.p()).isCloseTo(1, within(1e-12));
  }

  @Test
  void undefinedCasesAreEmptyNotInvented() {
    assertThat(Welch.test(List.of(1.0), List.of(2.0, 3.0))).isEmpty();
    assertThat(Welch.test(List.of(5.0, 5.0), List.of(7.0, 7.0, 7.0))).isEmpty();
    // One side constant, the other not: defined.
    assertThat(Welch.test(List.of(5.0, 5.0), List.of(7.0, 8.0, 9.0))).isPresent();
  }
}
