package io.stagebench.cli;

import io.stagebench.Units;
import io.stagebench.bases.BaseCatalog;
import io.stagebench.bases.BaseImages;
import io.stagebench.bases.ExtraCaCerts;
import io.stagebench.bases.StagebenchHome;
import io.stagebench.engine.Engine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench bases}: the offline base images (fixtures/bases). */
@Command(
    name = "bases",
    mixinStandardHelpOptions = true,
    description = "List or build the offline base images made from a Debian rootfs (fixtures/bases).",
    subcommands = {BasesCommand.ListBases.class, BasesCommand.BuildBases.class})
final class BasesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Show each base with its size and whether it is present.")
  static final class ListBases implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Path home = StagebenchHome.locate();
      BaseCatalog catalog = BaseCatalog.load(home);
      List<BaseImages.Status> list;
      try (Engine engine = Engine.connect()) {
        list = new BaseImages(engine, catalog, ExtraCaCerts.detect()).list();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BaseImages.Status s : list) {
          rows.add(Map.of(
              "name", s.base().name(),
              "image", s.base().image(),
              "state", s.state().name().toLowerCase(Locale.ROOT),
              "imageId", s.imageId().orElse(""),
              "sizeBytes", s.sizeBytes()));
        }
        Json.print(out, Json.document("bases", rows));
        return ExitCodes.OK;
      }
      out.printf("%-16s %-40s %-8s %10s%n", "BASE", "IMAGE", "STATE", "SIZE");
      for (BaseImages.Status s : list) {
        out.printf("%-16s %-40s %-8s %10s%n", s.base().name(), s.base().image(),
            s.state().name().toLowerCase(Locale.ROOT),
            s.state() == BaseImages.State.MISSING ? "-" : Units.bytes(s.sizeBytes()));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "build", mixinStandardHelpOptions = true,
      description = {"Build the missing or stale bases (all, or the NAMEs and what they need), through the engine API.",
          "Extra CA certificates (TLS-intercepting networks): the PEM file named by STAGEBENCH_EXTRA_CA_CERTS "
              + "(empty: none), by default every /usr/local/share/ca-certificates/*.crt, passed as build arg "
              + "EXTRA_CA_CERTS to the bases that declare it."})
  static final class BuildBases implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Bases to build (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = "--force", description = "Rebuild even the present ones.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      Path home = StagebenchHome.locate();
      BaseCatalog catalog = BaseCatalog.load(home);
      PrintWriter out = spec.commandLine().getOut();
      ExtraCaCerts ca = ExtraCaCerts.detect();
      if (ca.present()) {
        out.println("extra CA certificates: " + ca.count() + " from " + ca.source()
            + " (build arg " + ExtraCaCerts.BUILD_ARG + ", set " + ExtraCaCerts.ENV + " to change)");
      }
      try (Engine engine = Engine.connect()) {
        List<BaseCatalog.Base> built = new BaseImages(engine, catalog, ca).build(new LinkedHashSet<>(names), force, line -> {
          out.println(line);
          out.flush();
        });
        out.println(built.isEmpty() ? "every base is present" : "built " + built.size() + " base(s)");
      }
      return ExitCodes.OK;
    }
  }
}
