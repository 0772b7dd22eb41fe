package io.stagebench.lint;

import io.stagebench.StagebenchException;
import io.stagebench.dockerfile.Comment;
import io.stagebench.dockerfile.Dockerfile;
import io.stagebench.dockerfile.DockerfileParseException;
import io.stagebench.dockerfile.DockerfileParser;
import io.stagebench.dockerfile.Instruction;
import io.stagebench.dockerfile.Stage;
import io.stagebench.dockerfile.StageGraph;
import io.stagebench.dockerfile.StageGraphException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a set of rules over one Dockerfile. The caller supplies the rules (the built-in set lives
 * with the rules, so this package does not depend on them); the set must hold the {@value
 * #PARSE_ERROR_ID} rule. A file that does not parse gives one {@value #PARSE_ERROR_ID} finding at
 * the line of the problem, never an exception. Inline pragmas ({@code
 * # hadolint ignore=DL3008,DL3015}, {@code # stagebench ignore=SB003} in the comment block right
 * above an instruction; {@code # hadolint global ignore=...} anywhere) and the ignore list of the
 * options remove findings.
 */
public final class Linter {
  /** The ID of a parse error (hadolint's ID for "the Dockerfile cannot be parsed"). */
  public static final String PARSE_ERROR_ID = "DL1000";

  private static final Pattern PRAGMA =
      Pattern.compile("^(?:hadolint|stagebench)\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9_, ]+)");

  private final List<Rule> rules;
  private final Rule parseError;

  /**
   * @param rules the rules to run, in the order to run them
   * @throws IllegalArgumentException when no rule has the ID {@value #PARSE_ERROR_ID}, under
   *     which files that do not parse are reported
   */
  public Linter(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.parseError = rule(PARSE_ERROR_ID).orElseThrow(() -> new IllegalArgumentException(
        "a linter needs the " + PARSE_ERROR_ID + " rule, which reports files that do not parse"));
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * What to lint against.
   *
   * @param buildArgs {@code --build-arg} values
   * @param target the stage being built; empty for the last
   * @param contextDir the build context, for the rules about it
   * @param ignored rule IDs to leave out
   */
  public record Options(
      Map<String, String> buildArgs, Optional<String> target, Optional<Path> contextDir, Set<String> ignored) {
    public Options {
      buildArgs = Map.copyOf(buildArgs);
      ignored = Set.copyOf(ignored);
    }

    public static Options defaults() {
      return new Options(Map.of(), Optional.empty(), Optional.empty(), Set.of());
    }
  }

  /**
   * The findings for one file, in line order, and the context scan when a context was given.
   */
  public record Result(List<Finding> findings, Optional<ContextScan> context) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  /**
   * Lints one file's bytes.
   *
   * @throws StagebenchException (USAGE) when {@code --target} names no stage; (ENVIRONMENT) when
   *     the context directory cannot be read
   */
  public Result lint(String file, byte[] content, Options options) throws StagebenchException {
    if (isBinary(content)) {
      return new Result(
          List.of(finding(parseError, file, 1, 1, "not a Dockerfile: the file is binary")), Optional.empty());
    }
    Dockerfile df;
    try {
      df = DockerfileParser.parse(DockerfileParser.decode(content));
    } catch (DockerfileParseException e) {
      // BuildKit refuses duplicate stage names while parsing: report it under hadolint's ID.
      Rule rule = e.reason().startsWith("duplicate stage name") ? rule("DL3024").orElse(parseError) : parseError;
      return new Result(
          List.of(finding(rule, file, Math.max(1, e.line()), Math.max(1, e.column()), e.reason())),
          Optional.empty());
    }
    StageGraph graph;
    try {
      graph = StageGraph.resolve(df, options.buildArgs(), options.target());
    } catch (StageGraphException e) {
      if (e.line() == 0 && options.target().isPresent()) {
        throw new StagebenchException(StagebenchException.Category.USAGE, file + ": " + e.getMessage());
      }
      String msg = e.getMessage().replaceFirst("^line \\d+: ", "");
      Rule rule = copiesFromItself(df, e.line()) ? rule("DL3023").orElse(parseError) : parseError;
      return new Result(List.of(finding(rule, file, Math.max(1, e.line()), null, msg)), Optional.empty());
    }
    LintContext ctx = new LintContext(df, graph, options.contextDir());
    try {
      return run(file, df, ctx, options);
    } catch (UncheckedIOException e) {
      throw new StagebenchException(
          StagebenchException.Category.ENVIRONMENT,
          "cannot read the build context " + options.contextDir().orElse(Path.of("")) + ": " + e.getCause().getMessage());
    }
  }

  private Result run(String file, Dockerfile df, LintContext ctx, Options options) {
    Set<String> globalIgnores = new HashSet<>(options.ignored());
    for (Comment c : df.comments()) {
      Matcher m = PRAGMA.matcher(c.text());
      if (m.find() && m.group(1) != null) {
        globalIgnores.addAll(ids(m.group(2)));
      }
    }
    Map<Instruction, Set<String>> pragmas = new IdentityHashMap<>();
    List<Finding> out = new ArrayList<>();
    for (Rule rule : rules) {
      if (globalIgnores.contains(rule.id())) {
        continue;
      }
      rule.check(ctx, new Rule.Sink() {
        @Override
        public void report(Instruction at, String message) {
          Set<String> ignored = pragmas.computeIfAbsent(at, i -> pragmasOf(df, i));
          if (!ignored.contains(rule.id())) {
            out.add(finding(rule, file, at.startLine(), null, message));
          }
        }

        @Override
        public void reportLine(int line, String message) {
          out.add(finding(rule, file, line, null, message));
        }
      });
    }
    out.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::ruleId));
    Optional<ContextScan> scan = ctx.contextDir().isPresent() ? Optional.of(ctx.contextScan()) : Optional.empty();
    return new Result(out, scan);
  }

  /** The rule with this ID among this linter's rules. */
  private Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  private static Set<String> pragmasOf(Dockerfile df, Instruction i) {
    Set<String> ids = new HashSet<>();
    for (Comment c : df.commentsBefore(i)) {
      Matcher m = PRAGMA.matcher(c.text());
      if (m.find() && m.group(1) == null) {
        ids.addAll(ids(m.group(2)));
      }
    }
    return ids;
  }

  private static List<String> ids(String list) {
    List<String> out = new ArrayList<>();
    for (String s : list.split(",")) {
      String id = s.trim().toUpperCase(Locale.ROOT);
      if (!id.isEmpty()) {
        out.add(id.split("\\s+")[0]);
      }
    }
    return out;
  }

  private static Finding finding(Rule rule, String file, int line, Integer column, String message) {
    return new Finding(rule.id(), rule.severity(), file, line, column, message, rule.fix(), null);
  }

  /** Whether the instruction at this line is a COPY --from naming its own stage (hadolint DL3023). */
  private static boolean copiesFromItself(Dockerfile df, int line) {
    for (Stage s : df.stages()) {
      for (Instruction i : s.body()) {
        if (i.startLine() == line && i.is("COPY") && i.flagValue("from").map(s::answersTo).orElse(false)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isBinary(byte[] content) {
    int n = Math.min(content.length, 8192);
    for (int i = 0; i < n; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** Lints a file on disk (convenience for tests and benchmarks). */
  public Result lint(Path path, Options options) throws IOException, StagebenchException {
    return lint(path.toString(), Files.readAllBytes(path), options);
  }
}
