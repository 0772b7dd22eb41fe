package io.stagebench.cli;

import io.stagebench.StagebenchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Maps every failure to one line on stderr and its documented exit code. A stack trace reaches the
 * user only with {@code --verbose}.
 */
final class ErrorMapper implements IExitCodeExceptionMapper, IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int getExitCode(Throwable t) {
    return exitCode(t);
  }

  static int exitCode(Throwable t) {
    if (t instanceof StagebenchException se) {
      return switch (se.category()) {
        case CHECK_FAILED -> ExitCodes.CHECK_FAILED;
        case USAGE -> ExitCodes.USAGE;
        case ENVIRONMENT -> ExitCodes.ENVIRONMENT;
        case BUILD_FAILED -> ExitCodes.BUILD_FAILED;
      };
    }
    if (t instanceof ParameterException) {
      return ExitCodes.USAGE;
    }
    if (t instanceof InterruptedException) {
      return ExitCodes.INTERRUPTED;
    }
    if (t instanceof UncheckedIOException || t instanceof IOException) {
      return ExitCodes.ENVIRONMENT;
    }
    return ExitCodes.CHECK_FAILED;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (ex instanceof StagebenchException || ex instanceof InterruptedException) {
      err.println("stagebench: " + oneLine(ex.getMessage()));
    } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      err.println("stagebench: I/O error: " + oneLine(ex.getMessage()));
    } else {
      err.println("stagebench: internal error: " + ex + " (run again with --verbose and report it)");
    }
    if (Main.verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return exitCode(ex);
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("stagebench: " + oneLine(ex.getMessage()) + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  static String oneLine(String s) {
    if (s == null) {
      return "(no message)";
    }
    return s.replace("\r", "").replace('\n', ' ').trim();
  }
}
