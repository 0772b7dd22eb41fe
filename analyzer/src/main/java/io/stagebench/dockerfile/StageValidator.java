package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups instructions into stages, and applies the checks the builder makes before it builds
 * (what {@code docker build} reports as a Dockerfile parse error even though the low-level
 * parser accepted the file).
 */
final class StageValidator {
  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
  private static final Set<String> NO_TRIGGER = Set.of("onbuild", "from", "maintainer");

  private StageValidator() {}

  static Dockerfile assemble(
      List<Directive> directives,
      char escape,
      List<Instruction> instructions,
      List<Comment> comments,
      List<Integer> emptyContinuations) {
    List<Instruction> global = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    Instruction from = null;
    List<Instruction> body = new ArrayList<>();
    for (Instruction i : instructions) {
      if (i.is("FROM")) {
        if (from != null) {
          stages.add(stage(stages.size(), from, body));
        }
        from = i;
        body = new ArrayList<>();
      } else if (from == null) {
        global.add(i);
      } else {
        body.add(i);
      }
    }
    if (from != null) {
      stages.add(stage(stages.size(), from, body));
    }
    return new Dockerfile(
        directives, escape, instructions, comments, global, stages, emptyContinuations);
  }

  private static Stage stage(int index, Instruction from, List<Instruction> body) {
    List<String> a = from.arguments();
    Optional<String> name =
        a.size() == 3 && a.get(1).equalsIgnoreCase("as")
            ? Optional.of(a.get(2).toLowerCase(Locale.ROOT))
            : Optional.empty();
    return new Stage(index, name, from, body);
  }

  static void validate(Dockerfile df) throws DockerfileParseException {
    for (Instruction i : df.globalArgs()) {
      if (!i.is("ARG")) {
        throw error(i, "no build stage in current context: " + i.keyword() + " before the first FROM");
      }
    }
    if (df.stages().isEmpty()) {
      Instruction last = df.instructions().get(df.instructions().size() - 1);
      throw error(last, "no FROM instruction: the Dockerfile has no build stage");
    }
    Map<String, Stage> names = new HashMap<>();
    for (Stage s : df.stages()) {
      checkFrom(s);
      if (s.name().isPresent()) {
        Stage before = names.putIfAbsent(s.name().get(), s);
        if (before != null) {
          throw error(
              s.from(),
              "duplicate stage name " + GoText.quote(s.name().get())
                  + " (first used on line " + before.startLine() + ")");
        }
      }
    }
    for (Instruction i : df.instructions()) {
      check(i);
    }
  }

  private static void checkFrom(Stage s) throws DockerfileParseException {
    List<String> a = s.from().arguments();
    if (a.size() != 1 && !(a.size() == 3 && a.get(1).equalsIgnoreCase("as"))) {
      throw error(s.from(), "FROM requires either one or three arguments (FROM image [AS name])");
    }
    if (s.name().isPresent() && !STAGE_NAME.matcher(s.name().get()).matches()) {
      throw error(
          s.from(),
          "invalid name for build stage: " + GoText.quote(a.get(2))
              + ", name can't start with a number or contain symbols");
    }
  }

  private static void check(Instruction i) throws DockerfileParseException {
    String k = i.lowerKeyword();
    Set<String> allowed = Keywords.FLAGS.get(k);
    for (Flag f : i.flags()) {
      if (!allowed.contains(f.name())) {
        throw error(i, "unknown flag: " + f.name() + " (" + i.keyword() + " accepts " + accepted(allowed) + ")");
      }
      if (f.value().isEmpty() && !Keywords.BOOLEAN_FLAGS.contains(f.name())) {
        throw error(i, "missing a value on flag: " + f.name());
      }
    }
    int n = i.arguments().size();
    switch (k) {
      case "add", "copy" -> {
        if (n < 2) {
          throw error(i, i.keyword() + " requires at least two arguments, but only " + n + " provided");
        }
      }
      case "run", "env", "label", "arg", "expose", "volume" -> {
        if (n == 0) {
          throw error(i, i.keyword() + " requires at least one argument");
        }
      }
      case "user", "workdir", "stopsignal", "maintainer" -> {
        if (n == 0) {
          throw error(i, i.keyword() + " requires exactly one argument");
        }
      }
      case "shell" -> {
        if (!i.json()) {
          throw error(i, "SHELL requires the arguments to be in JSON form");
        }
        if (n == 0) {
          throw error(i, "SHELL requires at least one argument");
        }
      }
      case "healthcheck" -> checkHealthcheck(i);
      case "onbuild" -> {
        if (i.onbuild().isEmpty()) {
          throw error(i, "ONBUILD requires at least one argument");
        }
        Instruction t = i.onbuild().get();
        if (NO_TRIGGER.contains(t.lowerKeyword())) {
          throw error(i, t.keyword() + " isn't allowed as an ONBUILD trigger");
        }
        check(t);
      }
      default -> {}
    }
  }

  private static void checkHealthcheck(Instruction i) throws DockerfileParseException {
    List<String> a = i.arguments();
    if (a.isEmpty()) {
      throw error(i, "HEALTHCHECK requires an argument: CMD ... or NONE");
    }
    String type = a.get(0).toUpperCase(Locale.ROOT);
    if (type.equals("NONE")) {
      if (a.size() > 1 || !i.flags().isEmpty()) {
        throw error(i, "HEALTHCHECK NONE takes no arguments or flags");
      }
    } else if (type.equals("CMD")) {
      if (a.size() < 2) {
        throw error(i, "Missing command after HEALTHCHECK CMD");
      }
    } else {
      throw error(i, "Unknown type " + GoText.quote(a.get(0)) + " in HEALTHCHECK (try CMD)");
    }
  }

  private static String accepted(Set<String> allowed) {
    return allowed.isEmpty() ? "no flags" : "--" + String.join(", --", allowed.stream().sorted().toList());
  }

  private static DockerfileParseException error(Instruction i, String message) {
    return new DockerfileParseException(i.startLine(), 1, message);
  }
}
