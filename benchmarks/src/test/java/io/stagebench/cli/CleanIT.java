package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.BuildRequest;
import io.stagebench.engine.ClassicBuilder;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import io.stagebench.engine.Labels;
import io.stagebench.run.RunIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clean} removes finished or dead runs and leaves a run in progress alone. */
class CleanIT {
  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  @Test
  void aDeadRunIsRemovedAndALiveOneKeptUntilForced(@TempDir Path ctx) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String live = RunIds.next();
    String dead = RunIds.next().replace("-p" + ProcessHandle.current().pid() + "-", "-p" + gone.pid() + "-");
    Files.writeString(ctx.resolve("Dockerfile"), "FROM stagebench/debian:bookworm-minbase\nRUN echo " + live + " > /id\n");
    try (Engine engine = Engine.connect()) {
      EngineCleaner cleaner = new EngineCleaner(engine);
      try {
        for (String id : new String[] {live, dead}) {
          new ClassicBuilder(engine).build(new BuildRequest(ctx, "Dockerfile", Optional.empty(), Map.of(),
              Map.of(Labels.RUN, id), Set.of(RunIds.tag(id, "clean-it", "single", "classic")), false));
        }
        assertThat(cleaner.runs()).containsKeys(live, dead);

        Cli.Run dry = run("clean", "--dry-run");
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).containsPattern(dead + ".*dead.*would remove").containsPattern(live + ".*live.*keep");
        assertThat(cleaner.runs()).containsKeys(live, dead);

        Cli.Run plain = run("clean");
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(cleaner.runs()).containsKey(live).doesNotContainKey(dead);

        Cli.Run refused = run("clean", "--run", live);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("still in progress", "--force");
        assertThat(cleaner.runs()).containsKey(live);

        Cli.Run forced = run("clean", "--run", live, "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(cleaner.runs()).doesNotContainKey(live);
      } finally {
        cleaner.remove(id -> id.equals(live) || id.equals(dead));
      }
    }
  }
}
