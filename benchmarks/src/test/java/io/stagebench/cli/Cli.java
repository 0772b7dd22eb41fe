package io.stagebench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the CLI in-process, as {@code main} wires it, and captures its exit code and output. */
final class Cli {
  /** What one invocation gave. */
  record Run(int code, String out, String err) {}

  private Cli() {}

  static Run run(String... args) {
    return run(cl -> {}, args);
  }

  /** Runs after {@code setup} has seen the command line (to reach a subcommand's fields). */
  static Run run(Consumer<CommandLine> setup, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    setup.accept(cl);
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
