package io.stagebench.cli;

import io.stagebench.report.Report;
import io.stagebench.report.ReportMerger;
import io.stagebench.report.ReportStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench merge}: join shard reports. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Join the reports of --shard runs into one. Refuses reports of another profile, engine, tool version or base images unless --force.")
final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "REPORT.json", description = "Shard reports.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.json", description = "The merged report.")
  Path output;

  @Option(names = "--force", description = "Merge reports measured under different conditions.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    List<Report> reports = new ArrayList<>();
    for (Path p : inputs) {
      reports.add(ReportStore.read(p));
    }
    Report merged = ReportMerger.merge(reports, force);
    ReportStore.write(output, merged);
    spec.commandLine().getOut().println("merged " + reports.size() + " report(s) into " + output);
    return ExitCodes.OK;
  }
}
