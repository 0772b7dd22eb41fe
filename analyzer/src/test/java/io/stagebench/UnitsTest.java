package io.stagebench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0 | 0 B",
      "999 | 999 B",
      "1000 | 1.0 kB",
      "1049 | 1.0 kB",
      "999949 | 999.9 kB",
      "999950 | 1.0 MB",
      "1000000 | 1.0 MB",
      "74800000 | 74.8 MB",
      "999949999 | 999.9 MB",
      "999950000 | 1.00 GB",
      "1500000000 | 1.50 GB",
      "999994999999 | 999.99 GB",
      "999995000000 | 1.00 TB",
      "1500000000000 | 1.50 TB",
      "5000000000000000 | 5000.00 TB",
      "-1 | -1 B",
      "-999 | -999 B",
      "-1000 | -1.0 kB",
      "-1500000 | -1.5 MB",
      "-1500000000 | -1.50 GB",
      "-9223372036854775808 | -9223372.04 TB"})
  void bytesAreSiWithOneDecimalUpToMbAndTwoFromGb(long bytes, String text) {
    assertThat(Units.bytes(bytes)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0 | 0 ms", "999 | 999 ms", "1000 | 1.0 s", "61500 | 61.5 s"})
  void millisAreMillisecondsBelowASecondElseSeconds(long ms, String text) {
    assertThat(Units.millis(ms)).isEqualTo(text);
  }
}
