package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fixture variant whose Dockerfile does not parse, in {@code bench}: that variant is recorded as
 * failed, with the reason and the parse finding, on both builders; the other variant is measured;
 * the run ends with exit 4 and a complete report.
 */
class BrokenDockerfileIT {
  @Test
  void aDockerfileThatDoesNotParseFailsItsVariantOnlyAndTheRunGoesOn(@TempDir Path home) throws Exception {
    SlowFixture.write(home, 1);
    Files.writeString(home.resolve("fixtures/slow/Dockerfile.slow"), String.join("\n",
        "ARG BASE_IMAGE=stagebench/debian:bookworm-minbase",
        "FROM ${BASE_IMAGE}",
        "COPY src/ /src/",
        "RUNN echo a typo in the instruction", ""));
    Path out = home.resolve("out");
    SlowFixture.Ended run = SlowFixture.run(home, 5, "bench", "--fixtures", "slow", "--builder", "both", "--profile", "offline",
        "--scenarios", "cold,warm", "--reps", "1", "--no-report", "--no-analysis", "--out", out.toString());
    String console = run.console();
    assertThat(run.exit()).as(console).isEqualTo(4);
    assertThat(console).doesNotContain("\tat ");

    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    JsonNode variants = report.at("/fixtures/0/variants");
    for (JsonNode v : variants) {
      for (JsonNode b : v.get("builds")) {
        String where = v.get("name").asText() + "/" + b.get("builder").asText();
        if (v.get("name").asText().equals("single")) {
          assertThat(b.get("status").asText()).as(where).isEqualTo("ok");
          assertThat(b.at("/scenarios/warm/samples")).as(where).hasSize(1);
        } else {
          assertThat(b.get("status").asText()).as(where).isEqualTo("failed");
          assertThat(b.get("reason").asText()).as(where).containsIgnoringCase("RUNN");
        }
      }
      if (v.get("name").asText().equals("slow")) {
        assertThat(v.get("lint").findValuesAsText("rule")).contains("DL1000");
      }
    }
    assertThat(report.get("failures")).hasSize(2);
  }
}
