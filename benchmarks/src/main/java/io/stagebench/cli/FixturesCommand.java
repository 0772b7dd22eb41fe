package io.stagebench.cli;

import io.stagebench.Units;
import io.stagebench.bases.Profile;
import io.stagebench.bases.Profiles;
import io.stagebench.bases.StagebenchHome;
import io.stagebench.engine.BuilderKind;
import io.stagebench.engine.Engine;
import io.stagebench.fixture.Fixture;
import io.stagebench.run.FixtureCheck;
import io.stagebench.run.RunCleanup;
import io.stagebench.run.RunIds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench fixtures}: the sample projects. */
@Command(
    name = "fixtures",
    mixinStandardHelpOptions = true,
    description = "List the sample projects or check that every variant builds and works.",
    subcommands = {FixturesCommand.ListFixtures.class, FixturesCommand.CheckFixtures.class})
final class FixturesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path fixturesDir() throws Exception {
    return StagebenchHome.locate().resolve("fixtures");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Fixtures, variants, patterns and the builders they need.")
  static final class ListFixtures implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Mixin FixturesDirOption dirs;

    @Override
    public Integer call() throws Exception {
      List<Fixture> fixtures = dirs.select(StagebenchHome.locate(), List.of());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Fixture f : fixtures) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", f.name());
          m.put("description", f.description());
          m.put("language", f.language());
          List<Map<String, Object>> vs = new ArrayList<>();
          for (Fixture.Variant v : f.variants()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("name", v.name());
            vm.put("dockerfile", v.dockerfile());
            vm.put("pattern", v.pattern());
            vm.put("target", v.target().orElse(null));
            vm.put("builders", v.builders().stream().map(BuilderKind::id).toList());
            vm.put("production", v.production());
            vs.add(vm);
          }
          m.put("variants", vs);
          rows.add(m);
        }
        Json.print(out, Json.document("fixtures", rows));
        return ExitCodes.OK;
      }
      out.printf("%-12s %-20s %-18s %s%n", "FIXTURE", "VARIANT", "BUILDERS", "PATTERN");
      for (Fixture f : fixtures) {
        for (Fixture.Variant v : f.variants()) {
          out.printf("%-12s %-20s %-18s %s%n", f.name(), v.name(), String.join(",", v.builders().stream().map(BuilderKind::id).toList()), v.pattern());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Build each variant (cache allowed), run its smoke check, and print final sizes against single.",
          "Exits 4 if any build or smoke check fails."})
  static final class CheckFixtures implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Fixtures to check (default: all).")
    List<String> names = new ArrayList<>();

    @Mixin SelectionOptions selection;

    @Option(names = "--builder", defaultValue = "auto",
        description = "classic, buildkit, both, or auto: classic where a variant allows it, else BuildKit (default: ${DEFAULT-VALUE}).")
    FixtureCheck.BuilderChoice builder;

    @Option(names = "--keep-images", description = "Keep the built images (tagged sbrun/<fixture>:<variant>-<builder>-<run>).")
    boolean keepImages;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path home = StagebenchHome.locate();
      List<Fixture> fixtures = selection.dirs.select(home, names);
      String runId = RunIds.next();
      List<FixtureCheck.Outcome> outcomes;
      try (Engine engine = Engine.connect()) {
        Profile p = Profiles.choose(home, engine, selection.profile, line -> log(err, line));
        try (RunCleanup cleanup = new RunCleanup(engine, runId, keepImages)) {
          outcomes = new FixtureCheck(engine, p, runId, line -> log(err, line))
              .run(fixtures, selection.variantNames(), builder);
        }
        out.println("profile " + p.name() + ", run " + runId);
      }
      print(out, outcomes);
      long failed = outcomes.stream().filter(FixtureCheck.Outcome::failed).count();
      for (FixtureCheck.Outcome o : outcomes) {
        if (o.failed()) {
          err.println("stagebench: " + o.fixture() + "/" + o.variant() + " [" + o.builder() + "] failed: "
              + o.failure().orElseGet(() -> o.smoke().map(s -> "smoke check: " + s.detail()).orElse("")));
          o.logTail().stream().skip(Math.max(0, o.logTail().size() - 10)).forEach(l -> err.println("    " + l));
        }
      }
      err.flush();
      return failed > 0 ? ExitCodes.BUILD_FAILED : ExitCodes.OK;
    }

    private static void log(PrintWriter err, String line) {
      err.println(line);
      err.flush();
    }

    static void print(PrintWriter out, List<FixtureCheck.Outcome> outcomes) {
      out.printf("%-12s %-20s %-9s %10s %14s %9s  %s%n", "FIXTURE", "VARIANT", "BUILDER", "SIZE", "VS SINGLE", "BUILD", "SMOKE");
      for (FixtureCheck.Outcome o : outcomes) {
        if (o.skipped().isPresent()) {
          out.printf("%-12s %-20s %-9s %10s %14s %9s  %s%n", o.fixture(), o.variant(), o.builder(), "-", "-", "-",
              "skipped: " + o.skipped().get());
          continue;
        }
        String vs = "";
        if (!o.variant().equals("single") && o.imageId().isPresent()) {
          Optional<FixtureCheck.Outcome> single = outcomes.stream().filter(x -> x.fixture().equals(o.fixture())
              && x.variant().equals("single") && x.imageId().isPresent()).findFirst();
          if (single.isPresent() && single.get().sizeBytes() > 0) {
            double pct = 100.0 * (o.sizeBytes() - single.get().sizeBytes()) / single.get().sizeBytes();
            vs = String.format(Locale.ROOT, "%+.1f%%", pct);
          }
        }
        String smoke = o.failure().isPresent() ? "build failed"
            : o.smoke().map(s -> s.passed() ? "pass (" + Units.millis(s.millisUntilHealthy()) + ")" : "FAIL").orElse("-");
        out.printf("%-12s %-20s %-9s %10s %14s %9s  %s%n", o.fixture(), o.variant(), o.builder(),
            o.imageId().isPresent() ? Units.bytes(o.sizeBytes()) : "-", vs,
            o.imageId().isPresent() ? Units.millis(o.buildMillis()) : "-", smoke);
      }
      out.flush();
    }
  }
}
