package io.stagebench.engine;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The cancellable part of a builder: the connection of the build in flight, closed by {@link
 * #cancel()} from another thread (Ctrl-C, a build timeout), and whether that happened.
 */
final class InFlightBuild {
  private volatile Closeable connection;
  private volatile boolean cancelled;

  /** A new build starts: not cancelled, no connection yet. */
  void start() {
    cancelled = false;
  }

  /** The build's connection, closed on {@link #cancel()}. */
  void track(Closeable c) {
    connection = c;
  }

  /** The build is over. */
  void finish() {
    connection = null;
  }

  void cancel() {
    cancelled = true;
    Closeable c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (IOException | RuntimeException e) {
        // the build is ending anyway
      }
    }
  }

  /** Fails the build as cancelled, when it was. */
  void failIfCancelled(String dockerfile, List<String> logTail) throws BuildFailedException {
    if (cancelled) {
      throw new BuildFailedException("the build of " + dockerfile + " was cancelled", logTail);
    }
  }
}
