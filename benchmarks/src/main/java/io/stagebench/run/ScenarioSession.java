package io.stagebench.run;

import io.stagebench.bases.Profile;
import io.stagebench.fixture.Edits;
import io.stagebench.fixture.Fixture;
import io.stagebench.StagebenchException;
import io.stagebench.engine.BuildFailedException;
import io.stagebench.engine.BuildRequest;
import io.stagebench.engine.BuildResult;
import io.stagebench.engine.Engine;
import io.stagebench.engine.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One scenario of one unit (fixture, variant, builder) as a public entry point: {@link #prepare()}
 * does the untimed set-up {@link BenchRunner} does before a scenario's rounds, {@link #once(int)}
 * is one timed build. The JMH build benchmark drives it; {@link BenchRunner} shares its request,
 * edit and edit-value code, so both time the same builds.
 */
public final class ScenarioSession implements AutoCloseable {
  private final Engine engine;
  private final Profile profile;
  private final String runId;
  private final Fixture fixture;
  private final Fixture.Variant variant;
  private final String builder;
  private final Scenario scenario;
  private final Path workDir;
  private Path context;

  /**
   * @param workDir a directory for the edited copy of the fixture (edit scenarios only)
   * @throws StagebenchException (usage) when the variant does not support the builder or the
   *     fixture declares no edit for an edit scenario
   */
  public ScenarioSession(Engine engine, Profile profile, String runId, Fixture fixture, Fixture.Variant variant, String builder,
      Scenario scenario, Path workDir) throws StagebenchException {
    if (!variant.supports(builder)) {
      throw new StagebenchException(StagebenchException.Category.USAGE, fixture.name() + "/" + variant.name()
          + " does not build with " + builder + " (it needs " + String.join(" or ", variant.builders()) + ")");
    }
    if (isEdit(scenario) && edit(fixture, scenario).isEmpty()) {
      throw new StagebenchException(StagebenchException.Category.USAGE, fixture.name() + " declares no edit for " + scenario.id());
    }
    this.engine = engine;
    this.profile = profile;
    this.runId = runId;
    this.fixture = fixture;
    this.variant = variant;
    this.builder = builder;
    this.scenario = scenario;
    this.workDir = workDir;
    this.context = fixture.dir();
  }

  /**
   * The untimed set-up: nothing for cold; one build for warm (it settles the cache chain); for an
   * edit scenario a copy of the fixture and one build of it unedited.
   */
  public void prepare() throws StagebenchException {
    if (scenario == Scenario.COLD) {
      return;
    }
    if (isEdit(scenario)) {
      context = workDir.resolve(fixture.name() + "-" + variant.name() + "-" + builder + "-" + scenario.id());
      try {
        Edits.copyTree(fixture.dir(), context);
      } catch (IOException e) {
        throw new StagebenchException(StagebenchException.Category.ENVIRONMENT,
            "cannot copy " + fixture.name() + " to a temporary directory: " + e.getMessage());
      }
    }
    build(false);
  }

  /** One timed build of the scenario: the edit applied first (value unique to {@code rep}). */
  public BuildResult once(int rep) throws StagebenchException {
    if (isEdit(scenario)) {
      try {
        Edits.apply(context, edit(fixture, scenario).orElseThrow(), editValue(runId, variant, builder, scenario, rep));
      } catch (IOException e) {
        throw new StagebenchException(StagebenchException.Category.BUILD_FAILED, scenario.id() + " edit failed: " + e.getMessage());
      }
    }
    return build(scenario == Scenario.COLD);
  }

  private BuildResult build(boolean noCache) throws StagebenchException {
    try {
      return io.stagebench.engine.Builders.of(engine, builder).build(request(profile, runId, fixture, variant, builder, context, noCache));
    } catch (BuildFailedException e) {
      throw new StagebenchException(StagebenchException.Category.BUILD_FAILED,
          fixture.name() + "/" + variant.name() + " [" + builder + "] " + scenario.id() + " build failed: " + e.getMessage());
    }
  }

  /** Removes the edited copy (images are the caller's: label {@code io.stagebench.run}). */
  @Override
  public void close() {
    if (context != null && !context.equals(fixture.dir())) {
      try (Stream<Path> s = Files.walk(context)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory
      }
    }
  }

  /** The build request of a unit: profile and variant build args, the run label, the run's tag. */
  static BuildRequest request(Profile profile, String runId, Fixture f, Fixture.Variant v, String builder, Path context, boolean noCache) {
    Map<String, String> args = new LinkedHashMap<>(profile.buildArgs());
    args.putAll(v.buildArgs());
    return new BuildRequest(context, v.dockerfile(), v.target(), args,
        Map.of(Labels.RUN, runId), Set.of(RunIds.tag(runId, f.name(), v.name(), builder)), noCache);
  }

  /** The fixture's edit for an edit scenario. */
  static Optional<Fixture.Edit> edit(Fixture f, Scenario s) {
    return s == Scenario.SOURCE_EDIT ? f.sourceEdit() : s == Scenario.DEPS_EDIT ? f.depsEdit() : Optional.empty();
  }

  /** An edit value unique per run, unit and repetition: variants sharing steps must not share cache. */
  static String editValue(String runId, Fixture.Variant v, String builder, Scenario s, int rep) {
    return runId + "-" + v.name() + "-" + builder + "-" + s.id() + "-" + rep;
  }

  static boolean isEdit(Scenario s) {
    return s == Scenario.SOURCE_EDIT || s == Scenario.DEPS_EDIT;
  }
}
