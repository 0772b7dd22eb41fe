package io.stagebench.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.stagebench.StagebenchException.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and validates {@code fixture.json} files. Every problem is reported with the fixture's
 * repo-relative path and the field, so the message alone says what to fix.
 */
public final class FixtureLoader {
  public static final int SCHEMA_VERSION = 1;
  public static final List<String> BUILDERS = List.of("classic", "buildkit");
  private static final Set<String> TOP_FIELDS =
      Set.of("schemaVersion", "name", "description", "language", "variants", "edits", "smoke");
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

  private FixtureLoader() {}

  /**
   * Every fixture under {@code fixturesDir} (each directory holding a {@code fixture.json}), by name.
   *
   * @throws FixtureException when one is malformed
   */
  public static List<Fixture> loadAll(Path fixturesDir) throws FixtureException {
    List<Fixture> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(fixturesDir)) {
      for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("fixture.json"))).sorted().toList()) {
        out.add(load(d));
      }
    } catch (IOException e) {
      throw new FixtureException(Category.ENVIRONMENT, "cannot list " + fixturesDir + ": " + e.getMessage());
    }
    return out;
  }

  /**
   * The fixtures named (all when empty), in the order given.
   *
   * @throws FixtureException usage for an unknown name, otherwise as {@link #loadAll}
   */
  public static List<Fixture> select(Path fixturesDir, List<String> names) throws FixtureException {
    return select(loadAll(fixturesDir), List.of(), names);
  }

  /**
   * Fixtures from {@code --fixtures-dir} directories: each is a fixture directory (holding a
   * {@code fixture.json}) or a directory of them.
   *
   * @throws FixtureException usage when a directory holds no manifest or two share a name
   */
  public static List<Fixture> loadExternal(List<Path> dirs) throws FixtureException {
    List<Fixture> out = new ArrayList<>();
    for (Path d : dirs) {
      Path dir = d.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new FixtureException(Category.USAGE, "--fixtures-dir " + d + " is not a directory");
      }
      List<Fixture> found = Files.isRegularFile(dir.resolve("fixture.json")) ? List.of(load(dir)) : loadAll(dir);
      if (found.isEmpty()) {
        throw new FixtureException(Category.USAGE, "--fixtures-dir " + d
            + " holds no fixture.json (nor do its subdirectories); run `stagebench init " + d + "` first");
      }
      out.addAll(found);
    }
    return out;
  }

  /**
   * Chooses among the bundled and the external fixtures. Names must be unique across both. With
   * no names: the external fixtures if there are any, else every bundled one.
   *
   * @throws FixtureException usage for an unknown or clashing name
   */
  public static List<Fixture> select(List<Fixture> bundled, List<Fixture> external, List<String> names)
      throws FixtureException {
    Set<String> seen = new HashSet<>();
    for (Fixture f : bundled) {
      seen.add(f.name());
    }
    Set<String> ext = new HashSet<>();
    for (Fixture f : external) {
      if (!ext.add(f.name())) {
        throw new FixtureException(Category.USAGE, "two --fixtures-dir fixtures are named \"" + f.name()
            + "\"; rename one (its directory and its fixture.json name)");
      }
      if (seen.contains(f.name())) {
        throw new FixtureException(Category.USAGE, "--fixtures-dir fixture \"" + f.name()
            + "\" has the name of a bundled fixture; rename it (its directory and its fixture.json name)");
      }
    }
    List<Fixture> all = new ArrayList<>(bundled);
    all.addAll(external);
    if (names.isEmpty()) {
      return external.isEmpty() ? bundled : external;
    }
    List<Fixture> out = new ArrayList<>();
    for (String n : names) {
      out.add(all.stream().filter(f -> f.name().equals(n)).findFirst().orElseThrow(() -> new FixtureException(
          Category.USAGE, "unknown fixture \"" + n + "\"; known: "
              + String.join(", ", all.stream().map(Fixture::name).toList()))));
    }
    return out;
  }

  /**
   * Reads one fixture directory.
   *
   * @throws FixtureException when its manifest is missing, malformed or names files that do not exist
   */
  public static Fixture load(Path dir) throws FixtureException {
    String where = dir.getFileName() + "/fixture.json";
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(dir.resolve("fixture.json"), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new FixtureException(where + ": not valid JSON (line " + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    } catch (IOException e) {
      throw new FixtureException(Category.ENVIRONMENT, "cannot read " + where + ": " + e.getMessage());
    }
    Checker c = new Checker(where);
    if (root == null || !root.isObject()) {
      throw c.fail("", "must be a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!TOP_FIELDS.contains(f)) {
        throw c.fail(f, "unknown field; known: " + String.join(", ", TOP_FIELDS.stream().sorted().toList()));
      }
    }
    if (root.path("schemaVersion").asInt(-1) != SCHEMA_VERSION) {
      throw c.fail("schemaVersion", "must be " + SCHEMA_VERSION);
    }
    String name = c.text(root, "name");
    if (!name.equals(dir.getFileName().toString())) {
      throw c.fail("name", "is \"" + name + "\" but the directory is \"" + dir.getFileName() + "\"");
    }
    List<Fixture.Variant> variants = variants(dir, root, c);
    JsonNode edits = root.path("edits");
    Optional<Fixture.Edit> source = edit(dir, edits.path("source"), c, "edits.source");
    Optional<Fixture.Edit> deps = edit(dir, edits.path("deps"), c, "edits.deps");
    Fixture.Smoke smoke = smoke(root.path("smoke"), c);
    return new Fixture(name, dir, c.text(root, "description"), c.text(root, "language"), variants, source, deps, smoke);
  }

  private static List<Fixture.Variant> variants(Path dir, JsonNode root, Checker c) throws FixtureException {
    JsonNode arr = root.path("variants");
    if (!arr.isArray() || arr.isEmpty()) {
      throw c.fail("variants", "must be a non-empty array");
    }
    List<Fixture.Variant> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonNode v = arr.get(i);
      String field = "variants[" + i + "]";
      String vname = c.text(v, "name", field);
      if (!vname.matches("[a-z0-9][a-z0-9-]*")) {
        throw c.fail(field + ".name", "\"" + vname + "\" must be lower case letters, digits and dashes");
      }
      if (!names.add(vname)) {
        throw c.fail(field + ".name", "\"" + vname + "\" is used twice");
      }
      String dockerfile = c.text(v, "dockerfile", field);
      Path df = dir.resolve(dockerfile).normalize();
      if (!df.startsWith(dir) || !Files.isRegularFile(df)) {
        throw c.fail(field + ".dockerfile", dockerfile + " does not exist in the fixture");
      }
      List<String> builders = new ArrayList<>();
      JsonNode b = v.path("builders");
      if (!b.isArray() || b.isEmpty()) {
        throw c.fail(field + ".builders", "must list classic and/or buildkit");
      }
      for (JsonNode x : b) {
        if (!BUILDERS.contains(x.asText())) {
          throw c.fail(field + ".builders", "unknown builder \"" + x.asText() + "\"; use classic or buildkit");
        }
        builders.add(x.asText());
      }
      Map<String, String> args = new LinkedHashMap<>();
      v.path("buildArgs").fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().asText()));
      JsonNode target = v.path("target");
      out.add(new Fixture.Variant(vname, dockerfile, c.text(v, "pattern", field),
          target.isTextual() && !target.asText().isBlank() ? Optional.of(target.asText()) : Optional.empty(),
          args, builders, v.path("production").asBoolean(true)));
    }
    if (!names.contains("single")) {
      throw c.fail("variants", "needs a variant named \"single\" (the baseline)");
    }
    return out;
  }

  private static Optional<Fixture.Edit> edit(Path dir, JsonNode e, Checker c, String field) throws FixtureException {
    if (e.isMissingNode() || e.isNull()) {
      return Optional.empty();
    }
    String file = c.text(e, "file", field);
    Path p = dir.resolve(file).normalize();
    if (!p.startsWith(dir) || !Files.isRegularFile(p)) {
      throw c.fail(field + ".file", file + " does not exist in the fixture");
    }
    Optional<String> append = optText(e, "append");
    JsonNode replace = e.path("replace");
    Optional<String> find = optText(replace, "find");
    Optional<String> with = optText(replace, "with");
    if (append.isPresent() == (find.isPresent() || with.isPresent())) {
      throw c.fail(field, "needs exactly one of append or replace {find, with}");
    }
    if (find.isPresent() != with.isPresent()) {
      throw c.fail(field + ".replace", "needs both find and with");
    }
    String text = append.or(() -> with).orElseThrow();
    if (!text.contains(Edits.VALUE)) {
      throw c.fail(field, "the inserted text must contain " + Edits.VALUE + " so every repetition changes the file");
    }
    if (find.isPresent()) {
      try {
        if (!Files.readString(p, StandardCharsets.UTF_8).contains(find.get())) {
          throw c.fail(field + ".replace.find", "\"" + find.get() + "\" does not occur in " + file);
        }
      } catch (IOException ex) {
        throw new FixtureException(Category.ENVIRONMENT, "cannot read " + file + ": " + ex.getMessage());
      }
    }
    return Optional.of(new Fixture.Edit(file, append, find, with));
  }

  private static Fixture.Smoke smoke(JsonNode s, Checker c) throws FixtureException {
    if (!s.isObject()) {
      throw c.fail("smoke", "must be an object with http or command");
    }
    JsonNode http = s.path("http");
    JsonNode cmd = s.path("command");
    if (http.isObject() == cmd.isObject()) {
      throw c.fail("smoke", "needs exactly one of http or command");
    }
    Optional<Fixture.HttpCheck> h = Optional.empty();
    Optional<Fixture.CommandCheck> k = Optional.empty();
    if (http.isObject()) {
      int port = http.path("port").asInt(0);
      if (port < 1 || port > 65535) {
        throw c.fail("smoke.http.port", "must be a port number");
      }
      String path = http.path("path").asText("/");
      if (!path.startsWith("/")) {
        throw c.fail("smoke.http.path", "must start with /");
      }
      h = Optional.of(new Fixture.HttpCheck(port, path, http.path("expectStatus").asInt(200),
          http.path("expectBodyContains").asText("")));
    } else {
      List<String> args = new ArrayList<>();
      cmd.path("args").forEach(a -> args.add(a.asText()));
      JsonNode expect = cmd.path("expectOutputContains");
      if (!expect.isTextual()) {
        throw c.fail("smoke.command.expectOutputContains", "is required (a string; empty checks the exit code only)");
      }
      k = Optional.of(new Fixture.CommandCheck(args, expect.asText()));
    }
    int timeout = s.path("timeoutSeconds").asInt(60);
    if (timeout < 1 || timeout > 600) {
      throw c.fail("smoke.timeoutSeconds", "must be 1 to 600");
    }
    List<String> caps = new ArrayList<>();
    s.path("capAdd").forEach(x -> caps.add(x.asText()));
    return new Fixture.Smoke(h, k, timeout, caps, s.path("readOnlyRootfs").asBoolean(false));
  }

  private static Optional<String> optText(JsonNode n, String f) {
    JsonNode v = n.path(f);
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** Field checks that name the file and the field in their message. */
  private record Checker(String where) {
    FixtureException fail(String field, String what) {
      return new FixtureException(where + (field.isEmpty() ? "" : ": " + field) + " " + what);
    }

    String text(JsonNode n, String f) throws FixtureException {
      return text(n, f, "");
    }

    String text(JsonNode n, String f, String parent) throws FixtureException {
      JsonNode v = n.path(f);
      if (!v.isTextual() || v.asText().isBlank()) {
        throw fail(parent.isEmpty() ? f : parent + "." + f, "is required (a non-empty string)");
      }
      return v.asText();
    }
  }
}
