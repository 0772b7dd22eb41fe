package io.stagebench.run;

import io.stagebench.StagebenchException;
import io.stagebench.Units;
import io.stagebench.engine.BuildFailedException;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import java.util.Locale;
import java.util.Optional;

/** What a failed build says about its cause when the engine, not the fixture, is at fault. */
final class BuildFailures {
  private final Engine engine;

  BuildFailures(Engine engine) {
    this.engine = engine;
  }

  /**
   * A build that ran out of room says so, with where and how much is left, instead of the bare
   * exit code of the step that hit it.
   */
  Optional<String> diskFull(BuildFailedException e) {
    String all = (e.getMessage() + "\n" + String.join("\n", e.logTail())).toLowerCase(Locale.ROOT);
    if (!all.contains("no space left on device")) {
      return Optional.empty();
    }
    String where;
    try {
      Engine.Disk d = engine.disk();
      where = d.freeBytes().isPresent()
          ? Units.bytes(d.freeBytes().getAsLong()) + " free under " + d.dataRoot()
          : "free space under " + d.dataRoot() + " unknown (remote engine)";
    } catch (StagebenchException | RuntimeException ex) {
      where = "free space unknown";
    }
    return Optional.of("the engine's disk is full (No space left on device; " + where
        + "): free space with `stagebench clean`, `docker image prune`, `docker builder prune`, or give the engine more disk");
  }

  /**
   * A build that failed because the engine went away is not the fixture's fault: the run stops
   * (the caller writes the partial report and exits 3) instead of failing every remaining unit.
   */
  void engineStillThere(BuildFailedException cause) throws StagebenchException {
    try {
      // An engine shutting down still answers for a moment after it kills the build's container.
      Thread.sleep(1500);
      engine.ping();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (StagebenchException | RuntimeException gone) {
      throw new EngineException("it stopped answering after a build failed (" + Messages.firstLine(cause.getMessage())
          + ")", gone);
    }
  }
}
