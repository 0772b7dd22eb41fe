package io.stagebench.cli;

import io.stagebench.Units;
import io.stagebench.bases.StagebenchHome;
import io.stagebench.engine.EngineInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stagebench doctor}: is this machine ready to benchmark? */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check the Docker engine, builders, free disk, base images and registry access.",
      "Exits 0 when ready to benchmark, 3 otherwise; each problem is one line with its fix."
    })
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the findings as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Doctor.Result r = new Doctor(StagebenchHome.locate()).run();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, dto(r));
    } else {
      for (Doctor.Check c : r.checks()) {
        out.printf("%-5s %-17s %s%n", c.level(), c.name(), c.message());
        if (c.fix() != null && !c.level().equals("ok")) {
          out.printf("%-5s %-17s fix: %s%n", "", "", c.fix());
        }
      }
      for (Doctor.ProfileState p : r.profiles()) {
        out.printf("      profile %-9s %d of %d base images present%s%n", p.name(), p.present().size(),
            p.present().size() + p.missing().size(),
            p.missing().isEmpty() ? "" : " (missing: " + String.join(", ", p.missing()) + ")");
      }
      out.println(r.ready() ? "ready to benchmark" : "not ready: fix the lines marked fail");
      out.flush();
    }
    if (!r.ready()) {
      for (Doctor.Check c : r.checks()) {
        if (c.level().equals("fail") && json) {
          spec.commandLine().getErr().println("stagebench: " + c.message() + (c.fix() == null ? "" : "; fix: " + c.fix()));
        }
      }
      spec.commandLine().getErr().flush();
    }
    return r.ready() ? ExitCodes.OK : ExitCodes.ENVIRONMENT;
  }

  private static Map<String, Object> dto(Doctor.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schemaVersion", 1);
    m.put("ready", r.ready());
    r.engine().ifPresent(e -> m.put("engine", engine(e)));
    m.put("canPullPublicImages", r.canPullPublic());
    m.put("autoProfile", r.chosenProfile());
    m.put("profiles", r.profiles());
    m.put("checks", r.checks());
    return m;
  }

  private static Map<String, Object> engine(EngineInfo e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", e.endpoint().host());
    m.put("kind", e.kind().id());
    m.put("version", e.version());
    m.put("apiVersion", e.apiVersion());
    m.put("negotiatedApiVersion", e.negotiatedApiVersion());
    m.put("imageStore", e.imageStore().id());
    m.put("os", e.os());
    m.put("architecture", e.architecture());
    m.put("cpus", e.cpus());
    m.put("memoryBytes", e.memoryBytes());
    m.put("storageDriver", e.storageDriver());
    m.put("dataRoot", e.dataRoot());
    m.put("freeDiskBytes", e.freeDiskBytes().isPresent() ? e.freeDiskBytes().getAsLong() : null);
    m.put("builders", List.of(e.classicBuilder().id(), e.buildKit() ? "buildkit" : "").stream().filter(x -> !x.isEmpty()).toList());
    m.put("freeDisk", e.freeDiskBytes().isPresent() ? Units.bytes(e.freeDiskBytes().getAsLong()) : null);
    return m;
  }
}
