package io.stagebench.jmh;

import io.stagebench.bases.Profile;
import io.stagebench.bases.Profiles;
import io.stagebench.bases.StagebenchHome;
import io.stagebench.engine.BuildResult;
import io.stagebench.engine.BuilderKind;
import io.stagebench.engine.Engine;
import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.FixtureLoader;
import io.stagebench.run.RunCleanup;
import io.stagebench.run.RunIds;
import io.stagebench.run.RunScope;
import io.stagebench.run.Scenario;
import io.stagebench.run.ScenarioSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One build of a fixture scenario per JMH iteration (single-shot time: a build is seconds, not
 * nanoseconds). The builds are the harness's own ({@link ScenarioSession}, as {@code stagebench
 * bench} does them), against the engine stagebench finds and the profile in the system property
 * {@code stagebench.profile} (default {@code offline}); every image carries the run label and is
 * removed in tear-down.
 *
 * <p>{@code stagebench jmh BuildScenario -p fixture=go-static -p variant=multi -p scenario=warm -rf json -rff build.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class BuildScenarioBenchmark {
  @Param({"go-static"})
  public String fixture;

  @Param({"multi"})
  public String variant;

  @Param({"classic"})
  public String builder;

  @Param({"warm"})
  public String scenario;

  private Engine engine;
  private RunCleanup cleanup;
  private ScenarioSession session;
  private Path work;
  private int rep;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path home = StagebenchHome.locate();
    Fixture f = FixtureLoader.load(home.resolve("fixtures").resolve(fixture));
    Fixture.Variant v = f.variants().stream().filter(x -> x.name().equals(variant)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("fixture " + fixture + " has no variant " + variant));
    engine = Engine.connect();
    Profile profile = Profiles.choose(home, engine, System.getProperty("stagebench.profile", "offline"), s -> { });
    RunScope scope = new RunScope(RunIds.next(), profile);
    Profiles.ensurePresent(engine, profile, scope.baseImagesUsedBy(List.of(f)), s -> { });
    String runId = scope.runId();
    cleanup = new RunCleanup(engine, runId, false);
    work = Files.createTempDirectory("stagebench-jmh-" + runId);
    session = new ScenarioSession(engine, scope, f, v, BuilderKind.parse(builder), Scenario.of(scenario), work);
    session.prepare();
  }

  @Benchmark
  public BuildResult build() throws Exception {
    return session.once(rep++);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try {
      if (session != null) {
        session.close();
      }
      if (cleanup != null) {
        cleanup.close();
      }
      if (work != null) {
        Files.deleteIfExists(work);
      }
    } finally {
      if (engine != null) {
        engine.close();
      }
    }
  }
}
