package io.stagebench.cli;

import io.stagebench.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code stagebench} command: every subcommand hangs off this root. */
@Command(
    name = "stagebench",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = "What does a multi-stage Dockerfile buy you? Lint, analyze and benchmark Docker builds.",
    subcommands = {
      DoctorCommand.class,
      BasesCommand.class,
      CleanCommand.class,
      FixturesCommand.class,
      BenchCommand.class,
      InitCommand.class,
      MergeCommand.class,
      ReportCommand.class,
      CompareCommand.class,
      BaselineCommand.class,
      JmhCommand.class,
      ParseCommand.class,
      LintCommand.class,
      AnalyzeCommand.class,
      DiffCommand.class,
      CommandLine.HelpCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:a check failed (lint errors, thresholds, regressions)",
      "2:usage error",
      "3:environment problem (no engine, missing base image, unreadable input)",
      "4:a build or fixture failed",
      "130:interrupted"
    })
public final class Main implements Runnable {
  /** Set by {@code --verbose} on any subcommand: stack traces and build output. */
  static volatile boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces and build output.")
  void setVerbose(boolean v) {
    verbose = v;
    if (v) {
      System.setProperty("org.slf4j.simpleLogger.log.io.stagebench", "debug");
      Engine.logClientErrors();
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the project's exit codes and error handling wired in. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    ErrorMapper errors = new ErrorMapper();
    cl.setExitCodeExceptionMapper(errors);
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.getSubcommands().get("jmh").setUnmatchedOptionsArePositionalParams(true); // JMH options pass through in order
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
