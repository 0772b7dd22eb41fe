package io.stagebench.cli;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --build-arg} and {@code --target} as {@code docker build} takes them; shared by lint, parse and analyze. */
final class DockerfileOptions {
  @Option(names = "--build-arg", paramLabel = "K=V",
      description = "A build argument, as docker build takes it (K alone takes K from the environment); repeatable.")
  List<String> buildArgs = new ArrayList<>();

  @Option(names = "--target", paramLabel = "STAGE", description = "The stage built (default: the last).")
  String target;

  /**
   * The build args in the order given; {@code K} alone takes K's value from the environment and is
   * left out when K is unset there, as {@code docker build} does.
   *
   * @throws StagebenchException (usage) for an argument without a name
   */
  Map<String, String> buildArgs() throws StagebenchException {
    return parse(buildArgs);
  }

  /** {@code K=V} and {@code K} arguments as {@link #buildArgs()} reads them. */
  static Map<String, String> parse(List<String> given) throws StagebenchException {
    Map<String, String> args = new LinkedHashMap<>();
    for (String a : given) {
      int eq = a.indexOf('=');
      if (eq == 0) {
        throw new StagebenchException(Category.USAGE, "--build-arg " + a + ": expected K=V");
      }
      if (eq < 0) {
        String v = System.getenv(a);
        if (v != null) {
          args.put(a, v);
        }
      } else {
        args.put(a.substring(0, eq), a.substring(eq + 1));
      }
    }
    return args;
  }

  Optional<String> target() {
    return Optional.ofNullable(target);
  }

  boolean given() {
    return !buildArgs.isEmpty() || target != null;
  }
}
