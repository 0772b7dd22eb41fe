package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineTestSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BuildKit leaves one build-cache record per build for the uploaded context tar; a run removes
 * them when it ends, so repeated warm builds do not grow the engine's build cache.
 */
class BuildCacheIT {
  @Test
  void aBuildKitRunLeavesNoUploadedContextInTheBuildCache(@TempDir Path home) throws Exception {
    SlowFixture.write(home, 1);
    Path out = home.resolve("out");
    SlowFixture.Ended run = SlowFixture.run(home, 5, "bench", "--fixtures", "slow", "--variants", "single", "--builder", "buildkit",
        "--profile", "offline", "--scenarios", "warm", "--reps", "6", "--no-report", "--no-analysis",
        "--out", out.toString());
    String console = run.console();
    assertThat(run.exit()).as(console).isZero();
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertThat(report.at("/fixtures/0/variants/0/builds/0/scenarios/warm/samples")).hasSize(6);

    // every build of the run uploaded a context; none of those records is left (others' builds in
    // flight would be in use, and are not counted)
    assertThat(idleUploadedContexts()).isEmpty();
  }

  static List<String> idleUploadedContexts() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Engine engine = Engine.connect()) {
      for (JsonNode r : EngineTestSupport.get(engine, "/system/df").path("BuildCache")) {
        if (r.path("Description").asText("").startsWith("http url http://build-context-") && !r.path("InUse").asBoolean()) {
          ids.add(r.path("ID").asText());
        }
      }
    }
    return ids;
  }
}
