package io.stagebench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine for a test class that drives runs itself: connected before the tests, and afterwards
 * every run the tests started is removed from it (checked) and the connection closed.
 */
final class EngineRuns implements BeforeAllCallback, AfterAllCallback {
  private final List<String> runs = new ArrayList<>();
  private Engine engine;

  Engine engine() {
    return engine;
  }

  /** A new run ID, removed with its images and containers after the class. */
  String newRun() {
    String id = RunIds.next();
    runs.add(id);
    return id;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    engine = Engine.connect();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      EngineCleaner c = new EngineCleaner(engine);
      c.remove(runs::contains);
      assertThat(c.runs().keySet()).doesNotContainAnyElementsOf(runs);
    } finally {
      engine.close();
    }
  }
}
