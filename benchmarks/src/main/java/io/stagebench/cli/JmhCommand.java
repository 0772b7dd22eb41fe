package io.stagebench.cli;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** {@code stagebench jmh}: the JMH benchmarks in this jar, with JMH's own options. */
@Command(name = "jmh", description = {
    "Run the JMH benchmarks bundled in this jar (io.stagebench.jmh) with JMH's options,",
    "e.g. `stagebench jmh ParseLint -f 1 -wi 2 -i 3 -rf json -rff jmh.json`; `stagebench jmh -l` lists them,",
    "`stagebench jmh -h` shows JMH's help."})
final class JmhCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "JMH_ARGS", description = "Passed to JMH unchanged.")
  List<String> args = new ArrayList<>();

  @Unmatched List<String> unmatched = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<String> all = new ArrayList<>(args);
    all.addAll(unmatched);
    CommandLineOptions opts;
    try {
      opts = new CommandLineOptions(all.toArray(String[]::new));
    } catch (CommandLineOptionException e) {
      System.err.println("stagebench: jmh: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (opts.shouldHelp()) {
      opts.showHelp();
      return ExitCodes.OK;
    }
    Runner runner = new Runner(opts);
    try {
      if (opts.shouldList()) {
        runner.list();
      } else {
        runner.run();
      }
    } catch (RunnerException e) {
      throw new StagebenchException(Category.CHECK_FAILED, "jmh: " + e.getMessage());
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("BenchmarkList")) {
        throw new StagebenchException(Category.ENVIRONMENT, "this jar holds no JMH benchmarks; rebuild it with ./mvnw package");
      }
      throw e;
    }
    return ExitCodes.OK;
  }
}
