package io.stagebench.run;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.engine.BuildFailedException;
import io.stagebench.engine.BuildResult;
import io.stagebench.engine.BuilderKind;
import io.stagebench.engine.Builders;
import io.stagebench.engine.Engine;
import io.stagebench.fixture.Edits;
import io.stagebench.fixture.Fixture;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One scenario of one unit (fixture, variant, builder) as a public entry point: {@link #prepare()}
 * does the untimed set-up {@link BenchRunner} does before a scenario's rounds, {@link #once(int)}
 * is one timed build. The JMH build benchmark drives it; it builds through the same {@link
 * RunScope} as the runner, so both time the same builds.
 */
public final class ScenarioSession implements AutoCloseable {
  private final Engine engine;
  private final RunScope scope;
  private final Fixture fixture;
  private final Fixture.Variant variant;
  private final BuilderKind builder;
  private final Scenario scenario;
  private final Path workDir;
  private Path context;

  /**
   * @param workDir a directory for the edited copy of the fixture (edit scenarios only)
   * @throws StagebenchException (usage) when the variant does not support the builder or the
   *     fixture declares no edit for an edit scenario
   */
  public ScenarioSession(Engine engine, RunScope scope, Fixture fixture, Fixture.Variant variant, BuilderKind builder,
      Scenario scenario, Path workDir) throws StagebenchException {
    if (!variant.supports(builder)) {
      throw new StagebenchException(Category.USAGE, fixture.name() + "/" + variant.name()
          + " does not build with " + builder.id() + " (it needs " + variant.buildersText() + ")");
    }
    if (scenario.isEdit() && scenario.editOf(fixture).isEmpty()) {
      throw new StagebenchException(Category.USAGE, fixture.name() + " declares no edit for " + scenario.id());
    }
    this.engine = engine;
    this.scope = scope;
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
    if (scenario.isEdit()) {
      context = RunScope.editCopy(workDir, fixture, variant, builder, scenario);
    }
    build(false);
  }

  /** One timed build of the scenario: the edit applied first (value unique to {@code rep}). */
  public BuildResult once(int rep) throws StagebenchException {
    if (scenario.isEdit()) {
      try {
        Edits.apply(context, scenario.editOf(fixture).orElseThrow(), scope.editValue(variant, builder, scenario, rep));
      } catch (IOException e) {
        throw new StagebenchException(Category.BUILD_FAILED, scenario.id() + " edit failed: " + e.getMessage());
      }
    }
    return build(scenario == Scenario.COLD);
  }

  private BuildResult build(boolean noCache) throws StagebenchException {
    try {
      return Builders.of(engine, builder).build(scope.request(fixture, variant, builder, context, noCache));
    } catch (BuildFailedException e) {
      throw new StagebenchException(Category.BUILD_FAILED,
          fixture.name() + "/" + variant.name() + " [" + builder.id() + "] " + scenario.id() + " build failed: " + e.getMessage());
    }
  }

  /** Removes the edited copy (images are the caller's: label {@code io.stagebench.run}). */
  @Override
  public void close() {
    if (context != null && !context.equals(fixture.dir())) {
      Edits.deleteTree(context);
    }
  }
}
