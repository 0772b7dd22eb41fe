package io.stagebench.cli;

/** The exit codes of every subcommand (docs/architecture.md, "Conventions"; the README lists them). */
public final class ExitCodes {
  /** Everything worked and every check passed. */
  public static final int OK = 0;
  /** A check failed: lint errors, thresholds, regressions. */
  public static final int CHECK_FAILED = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** The environment is not ready: no engine, a missing base image, an unreadable input. */
  public static final int ENVIRONMENT = 3;
  /** A build or a fixture failed. */
  public static final int BUILD_FAILED = 4;
  /** The run was interrupted (SIGINT). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
