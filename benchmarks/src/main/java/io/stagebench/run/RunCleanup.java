package io.stagebench.run;

import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import io.stagebench.engine.EngineException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes what a run created, when the run ends or when the JVM is stopped (Ctrl-C), so an
 * interrupted run leaves no containers or tagged images behind.
 */
public final class RunCleanup implements AutoCloseable {
  private final Engine engine;
  private final String runId;
  private final boolean keepImages;
  private final Thread hook;
  private final Set<String> earlierRuns = ConcurrentHashMap.newKeySet();
  private volatile boolean done;

  public RunCleanup(Engine engine, String runId, boolean keepImages) {
    this.engine = engine;
    this.runId = runId;
    this.keepImages = keepImages;
    this.hook = new Thread(this::cleanQuietly, "stagebench-cleanup-" + runId);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Also removes what an earlier attempt of this run left (a run resumed after the engine went
   * away: that attempt could not clean up, and this process carries a new run ID).
   */
  public void alsoEarlierRun(String earlierRunId) {
    earlierRuns.add(earlierRunId);
  }

  private void cleanQuietly() {
    try {
      clean(true);
    } catch (EngineException | RuntimeException e) {
      System.err.println("stagebench: could not clean up run " + runId + ": " + e.getMessage()
          + "; run `./stagebench clean --run " + runId + "`");
    }
  }

  private synchronized void clean(boolean interrupted) throws EngineException {
    if (done) {
      return;
    }
    done = true;
    // Containers always go; images stay only when asked for and the run was not interrupted.
    EngineCleaner cleaner = new EngineCleaner(engine);
    cleaner.remove(r -> r.equals(runId) || earlierRuns.contains(r), keepImages && !interrupted);
    try {
      cleaner.pruneUploadedContexts();
    } catch (EngineException | RuntimeException e) {
      // the run's own objects are gone; these records only take cache space (clean removes them too)
      System.err.println("stagebench: could not prune uploaded build contexts: " + e.getMessage());
    }
  }

  @Override
  public void close() throws EngineException {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      return;
    }
    clean(false);
  }
}
