package io.stagebench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.lint.Finding;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark's inputs are what they claim: valid files, the generated one at least 1 MiB. */
class ParseLintBenchmarkTest {
  @Test
  void everyInputParsesAndLintsWithoutAParseFinding() throws Exception {
    // The 1 MiB input takes tens of seconds to lint on a shared machine: check its size here and
    // that the same generator's 64 KiB output is a valid file.
    ParseLintBenchmark big = new ParseLintBenchmark();
    big.file = "mib1";
    big.setup();
    assertThat(big.bytes.length).isBetween(1 << 20, (1 << 20) + 4096);
    for (String f : new String[] {"go-multi", "node-multi", "java-single", "kib64"}) {
      ParseLintBenchmark b = new ParseLintBenchmark();
      b.file = f.equals("kib64") ? "go-multi" : f;
      b.setup();
      if (f.equals("kib64")) {
        b.bytes = ParseLintBenchmark.generated(64 << 10).getBytes(StandardCharsets.UTF_8);
      }
      assertThat(b.parse().stages()).isNotEmpty();
      assertThat(b.parseAndLint().findings()).extracting(Finding::ruleId).doesNotContain("DL1000");
    }
    ParseLintBenchmark single = new ParseLintBenchmark();
    single.file = "java-single";
    single.setup();
    assertThat(single.parseAndLint().findings()).extracting(Finding::ruleId).contains("SB001", "SB006");
  }
}
