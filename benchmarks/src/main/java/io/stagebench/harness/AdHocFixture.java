package io.stagebench.harness;

import io.stagebench.StagebenchException;
import io.stagebench.StagebenchException.Category;
import io.stagebench.dockerfile.Dockerfile;
import io.stagebench.dockerfile.DockerfileParseException;
import io.stagebench.dockerfile.DockerfileParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fixture made from command-line options ({@code bench --context DIR --variant NAME=DOCKERFILE[:TARGET]}),
 * with no manifest: no smoke check, and only the edits given.
 */
public final class AdHocFixture {
  private AdHocFixture() {}

  /**
   * Builds the in-memory fixture.
   *
   * @param context the build context
   * @param variantSpecs {@code NAME=DOCKERFILE[:TARGET]}, the Dockerfile relative to the context
   * @param sourceEdit a file in the context that gets a comment appended for source-edit
   * @param depsEdit a dependency manifest (or other file) in the context for deps-edit
   * @param buildArgs build args for every variant
   * @throws StagebenchException usage for a bad spec, a file outside the context or a Dockerfile that does not parse
   */
  public static Fixture of(Path context, List<String> variantSpecs, Optional<Path> sourceEdit, Optional<Path> depsEdit,
      Map<String, String> buildArgs) throws StagebenchException {
    Path root = context.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new StagebenchException(Category.USAGE, "--context " + context + " is not a directory");
    }
    if (variantSpecs.isEmpty()) {
      throw new StagebenchException(Category.USAGE, "--context needs at least one --variant NAME=DOCKERFILE[:TARGET]");
    }
    List<Fixture.Variant> variants = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (String spec : variantSpecs) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new StagebenchException(Category.USAGE, "--variant " + spec + ": expected NAME=DOCKERFILE[:TARGET]");
      }
      String name = spec.substring(0, eq);
      if (!name.matches("[a-z0-9][a-z0-9-]*")) {
        throw new StagebenchException(Category.USAGE, "--variant " + spec + ": the name must be lower case letters, digits and dashes");
      }
      if (!names.add(name)) {
        throw new StagebenchException(Category.USAGE, "--variant " + name + " is given twice");
      }
      String rest = spec.substring(eq + 1);
      Optional<String> target = Optional.empty();
      int colon = rest.lastIndexOf(':');
      if (colon > 0 && !Files.isRegularFile(root.resolve(rest))) {
        target = Optional.of(rest.substring(colon + 1));
        rest = rest.substring(0, colon);
      }
      String dockerfile = inContext(root, rest, "--variant " + name + " Dockerfile");
      Dockerfile parsed;
      try {
        parsed = DockerfileParser.parse(root.resolve(dockerfile));
      } catch (DockerfileParseException e) {
        throw new StagebenchException(Category.USAGE, dockerfile + " does not parse: " + e.getMessage());
      } catch (IOException e) {
        throw new StagebenchException(Category.ENVIRONMENT, "cannot read " + dockerfile + ": " + e.getMessage());
      }
      if (target.isPresent() && parsed.stage(target.get()).isEmpty()) {
        throw new StagebenchException(Category.USAGE, "--variant " + name + ": " + dockerfile + " has no stage \""
            + target.get() + "\"");
      }
      List<String> builders = FixtureInit.buildKitOnly(parsed) ? List.of("buildkit") : FixtureLoader.BUILDERS;
      variants.add(new Fixture.Variant(name, dockerfile, "ad hoc: " + dockerfile + target.map(t -> " --target " + t).orElse(""),
          target, buildArgs, builders, true));
    }
    Optional<Fixture.Edit> source = Optional.empty();
    if (sourceEdit.isPresent()) {
      String rel = inContext(root, sourceEdit.get().toString(), "--source-edit");
      String[] c = FixtureInit.commentFor(rel).orElseThrow(() -> new StagebenchException(Category.USAGE,
          "--source-edit " + rel + ": no known comment syntax for this file type; pick a source file (.go, .java, .py, .js, ...)"));
      source = Optional.of(new Fixture.Edit(rel, Optional.of("\n" + c[0] + " stagebench source edit " + Edits.VALUE + c[1] + "\n"),
          Optional.empty(), Optional.empty()));
    }
    Optional<Fixture.Edit> deps = Optional.empty();
    if (depsEdit.isPresent()) {
      String rel = inContext(root, depsEdit.get().toString(), "--deps-edit");
      String file = rel.substring(rel.lastIndexOf('/') + 1);
      Map<String, Object> e;
      if (FixtureInit.MANIFESTS.containsKey(file)) {
        e = FixtureInit.depsEditJson(rel, root);
      } else {
        String[] c = FixtureInit.commentFor(rel).orElseThrow(() -> new StagebenchException(Category.USAGE,
            "--deps-edit " + rel + ": not a known manifest (" + String.join(", ", FixtureInit.MANIFESTS.keySet())
                + ") and no known comment syntax"));
        e = Map.of("append", "\n" + c[0] + " stagebench deps edit " + Edits.VALUE + c[1] + "\n");
      }
      @SuppressWarnings("unchecked")
      Map<String, String> replace = (Map<String, String>) e.get("replace");
      deps = Optional.of(new Fixture.Edit(rel, Optional.ofNullable((String) e.get("append")),
          Optional.ofNullable(replace == null ? null : replace.get("find")),
          Optional.ofNullable(replace == null ? null : replace.get("with"))));
    }
    String name = FixtureInit.sanitize(root.getFileName() == null ? "" : root.getFileName().toString());
    return new Fixture(name.isEmpty() ? "adhoc" : name, root, "ad hoc: --context " + root.getFileName(), "unknown",
        variants, source, deps, new Fixture.Smoke(Optional.empty(), Optional.empty(), 60, List.of(), false));
  }

  /** The path relative to the context, or a usage error when it is outside it or not a file. */
  private static String inContext(Path root, String given, String what) throws StagebenchException {
    Path p = Path.of(given);
    // Relative to the context first, then to the working directory.
    List<Path> candidates = p.isAbsolute() ? List.of(p.normalize())
        : List.of(root.resolve(p).normalize(), p.toAbsolutePath().normalize());
    boolean outside = false;
    for (Path c : candidates) {
      if (Files.isRegularFile(c)) {
        if (c.startsWith(root)) {
          return root.relativize(c).toString().replace('\\', '/');
        }
        outside = true;
      }
    }
    if (outside || !candidates.get(0).startsWith(root)) {
      throw new StagebenchException(Category.USAGE, what + " " + given + " is outside the context " + root.getFileName()
          + "; the build only sees files inside it");
    }
    throw new StagebenchException(Category.USAGE, what + " " + given + " does not exist in the context " + root.getFileName());
  }
}
