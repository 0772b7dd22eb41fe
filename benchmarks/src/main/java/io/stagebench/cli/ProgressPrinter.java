package io.stagebench.cli;

import io.stagebench.Units;
import io.stagebench.run.BenchRunner;
import java.io.PrintWriter;

/**
 * Progress on stderr: a live line redrawn in place on a terminal, plain lines in CI logs.
 */
final class ProgressPrinter {
  private final PrintWriter err;
  private final boolean live;
  private boolean dirty;

  ProgressPrinter(PrintWriter err) {
    this.err = err;
    this.live = System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
  }

  synchronized void update(BenchRunner.Position p) {
    String eta = p.etaMillis() < 0 ? "" : ", ETA " + Units.millis(p.etaMillis());
    String text = String.format("[%d/%d] %s %s %d/%d (elapsed %s%s)", p.done() + 1, p.total(), p.unit(), p.scenario(),
        p.rep(), p.reps(), Units.millis(p.elapsedMillis()), eta);
    if (live) {
      err.print("\r\033[K" + text);
      dirty = true;
    } else {
      err.println(text);
    }
    err.flush();
  }

  synchronized void line(String text) {
    if (dirty) {
      err.print("\r\033[K");
      dirty = false;
    }
    err.println(text);
    err.flush();
  }

  synchronized void done() {
    if (dirty) {
      err.print("\r\033[K");
      dirty = false;
      err.flush();
    }
  }
}
