package io.stagebench.cli;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.Units;
import io.stagebench.dockerfile.DockerfileParser;
import io.stagebench.lint.Finding;
import io.stagebench.lint.LintConfig;
import io.stagebench.lint.LintFormats;
import io.stagebench.lint.Linter;
import io.stagebench.lint.Rule;
import io.stagebench.lint.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench lint FILE...}: hadolint-compatible and stagebench rules over Dockerfiles. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Lint Dockerfiles: hadolint-compatible rules (DL...) and stagebench's size and cache rules (SB...).",
      "Pragmas: `# hadolint ignore=DL3008,DL3015` or `# stagebench ignore=SB003` on the line before an instruction.",
      "Config: .stagebench.yaml and .hadolint.yaml in the working directory (keys: ignored, failure-threshold), or --config."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding reaches the failure threshold",
      "1:a finding reaches the failure threshold (a file that does not parse is a DL1000 error)",
      "2:usage error (unknown option, rule, target, bad config)",
      "3:a file or the context cannot be read"
    })
public final class LintCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    sarif,
    github,
    markdown
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Dockerfiles to lint; - reads standard input")
  List<String> files = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, sarif, github; markdown with --list-rules")
  Format format = Format.text;

  @Option(names = "--ignore", paramLabel = "ID", description = "leave out a rule (repeatable)")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--failure-threshold", paramLabel = "LEVEL",
      description = "error, warning (default), info, style or none: the least severe finding that exits 1")
  String failureThreshold;

  @Option(names = "--config", paramLabel = "FILE", description = "a .hadolint.yaml/.stagebench.yaml to use instead of the working directory's")
  Path config;

  @Option(names = "--context", paramLabel = "DIR", description = "the build context: checks its .dockerignore (SB012) and reports its size")
  Path context;

  @Mixin DockerfileOptions dockerfile;

  @Option(names = "--explain", paramLabel = "ID", description = "print what a rule means and how to fix it")
  String explain;

  @Option(names = "--list-rules", description = "list every rule (text, json or markdown with --format)")
  boolean listRules;

  /** Where config files are looked for; the process's working directory. */
  Path workingDir = Path.of("");

  /** What {@code -} reads. */
  InputStream stdin = System.in;

  @Override
  public Integer call() throws StagebenchException {
    PrintWriter out = spec.commandLine().getOut();
    List<Rule> rules = Rules.all();
    if (explain != null) {
      Rule r = Rules.byId(explain).orElseThrow(() -> new StagebenchException(Category.USAGE,
          "lint --explain: no rule " + explain + " (stagebench lint --list-rules lists them)"));
      out.print(LintFormats.explain(r));
      out.flush();
      return ExitCodes.OK;
    }
    if (listRules) {
      out.print(switch (format) {
        case markdown -> LintFormats.markdown(rules);
        case json -> LintFormats.ruleJson(rules);
        default -> LintFormats.ruleList(rules);
      });
      out.flush();
      return ExitCodes.OK;
    }
    if (files.isEmpty()) {
      throw new StagebenchException(Category.USAGE, "lint: no FILE given (use - for standard input)");
    }
    if (format == Format.markdown) {
      throw new StagebenchException(Category.USAGE, "lint: --format markdown is for --list-rules; use text, json, sarif or github");
    }
    LintConfig cfg = LintConfig.load(Optional.ofNullable(config), workingDir);
    LintConfig.Threshold threshold;
    if (failureThreshold != null) {
      threshold = LintConfig.Threshold.parse(failureThreshold).orElseThrow(() -> new StagebenchException(Category.USAGE,
          "lint: --failure-threshold " + failureThreshold + " is not one of error, warning, info, style, none"));
    } else {
      threshold = cfg.failureThreshold().orElse(LintConfig.Threshold.parse("warning").orElseThrow());
    }
    Set<String> ignored = new LinkedHashSet<>(cfg.ignored());
    for (String id : ignore) {
      for (String one : id.split(",")) {
        String u = one.trim().toUpperCase(Locale.ROOT);
        if (Rules.byId(u).isEmpty()) {
          throw new StagebenchException(Category.USAGE, "lint: --ignore " + one + ": no such rule (stagebench lint --list-rules lists them)");
        }
        ignored.add(u);
      }
    }
    if (context != null && !Files.isDirectory(context)) {
      throw new StagebenchException(Category.USAGE, "lint: --context " + context + " is not a directory");
    }
    Linter.Options opts = new Linter.Options(
        dockerfile.buildArgs(), dockerfile.target(), Optional.ofNullable(context), ignored);
    Linter linter = new Linter(rules);
    List<LintFormats.FileResult> results = new ArrayList<>();
    boolean fail = false;
    for (String f : files) {
      byte[] content = read(f);
      Linter.Result r = linter.lint(f, content, opts);
      List<Finding> kept = r.findings().stream().filter(x -> !ignored.contains(x.ruleId())).toList();
      r = new Linter.Result(kept, r.context());
      results.add(new LintFormats.FileResult(f, r));
      fail |= kept.stream().anyMatch(x -> threshold.failsOn(x.severity()));
    }
    String version = Optional.ofNullable(LintCommand.class.getPackage().getImplementationVersion()).orElse("dev");
    out.print(switch (format) {
      case json -> LintFormats.json(results);
      case sarif -> LintFormats.sarif(results, rules, version);
      case github -> LintFormats.github(results);
      default -> LintFormats.text(results) + contextNote(results);
    });
    out.flush();
    return fail ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }

  private static String contextNote(List<LintFormats.FileResult> results) {
    return results.stream().flatMap(r -> r.result().context().stream()).findFirst()
        .map(c -> "context: " + Units.bytes(c.bytes()) + " in " + c.files() + " files"
            + (c.dockerignore() ? "" : " (no .dockerignore)") + "\n")
        .orElse("");
  }

  private byte[] read(String f) throws StagebenchException {
    try {
      if (f.equals("-")) {
        return stdin.readAllBytes();
      }
      return Files.readAllBytes(Path.of(f));
    } catch (NoSuchFileException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "lint: " + f + ": no such file");
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "lint: " + f + ": cannot read: " + e.getMessage());
    }
  }

  static String decode(byte[] b) {
    return DockerfileParser.decode(b);
  }
}
