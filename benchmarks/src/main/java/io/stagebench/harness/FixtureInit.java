package io.stagebench.harness;

import io.stagebench.StagebenchException;
import io.stagebench.StagebenchException.Category;
import io.stagebench.dockerfile.Dockerfile;
import io.stagebench.dockerfile.DockerfileParseException;
import io.stagebench.dockerfile.DockerfileParser;
import io.stagebench.dockerfile.Instruction;
import io.stagebench.dockerfile.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses a {@code fixture.json} for a project: its Dockerfiles become variants, the manifest a
 * Dockerfile copies early gets the dependency edit, a file copied late gets the source edit, and an
 * EXPOSE or HEALTHCHECK becomes the smoke check. Pure: reads the project, writes nothing.
 */
public final class FixtureInit {
  /** Stage names a user builds with {@code --target}; builder/deps stages are left out. */
  static final Set<String> USER_TARGETS = Set.of("production", "prod", "development", "dev", "debug", "runtime",
      "release", "final", "app");
  static final Set<String> NOT_PRODUCTION = Set.of("development", "dev", "debug", "test");
  static final Set<String> SKIP_DIRS = Set.of("node_modules", ".git", "target");
  /** Dependency manifests by file name, with the ecosystem they belong to. */
  static final Map<String, String> MANIFESTS = new LinkedHashMap<>();

  static {
    MANIFESTS.put("package.json", "node");
    MANIFESTS.put("pom.xml", "java");
    MANIFESTS.put("build.gradle", "java");
    MANIFESTS.put("build.gradle.kts", "java");
    MANIFESTS.put("go.mod", "go");
    MANIFESTS.put("Cargo.toml", "rust");
    MANIFESTS.put("pyproject.toml", "python");
    MANIFESTS.put("requirements.txt", "python");
  }

  private static final List<String> LANGUAGE_ORDER = List.of("node", "python", "java", "go", "rust");

  private static final Set<String> LOCKFILES = Set.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml", "go.sum",
      "Cargo.lock", "poetry.lock", "gradle.lockfile", "settings.gradle", "settings.gradle.kts");
  private static final Pattern HEALTH_URL =
      Pattern.compile("https?://(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0)(?::(\\d{1,5}))?(/[^\\s\"'|;&]*)?");

  /** The guessed manifest as JSON-ready maps, and what the user should look at. */
  public record Result(Map<String, Object> manifest, List<String> guesses, List<String> confirm) {}

  private record Found(Path file, String rel, Dockerfile parsed) {}

  private record Copy(int order, List<String> sources) {}

  private FixtureInit() {}

  /**
   * Inspects {@code dir} and guesses its manifest, named after the directory.
   *
   * @throws StagebenchException usage when there is no Dockerfile or one does not parse
   */
  public static Result guess(Path dir) throws StagebenchException {
    Path root = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new StagebenchException(Category.USAGE, dir + " is not a directory");
    }
    List<String> files = listFiles(root);
    List<String> ignore = dockerignore(root);
    List<Found> dockerfiles = new ArrayList<>();
    for (String rel : files) {
      if (isDockerfile(rel)) {
        Path p = root.resolve(rel);
        try {
          dockerfiles.add(new Found(p, rel, DockerfileParser.parse(p)));
        } catch (DockerfileParseException e) {
          throw new StagebenchException(Category.USAGE, rel + " does not parse: " + e.getMessage()
              + "; fix it (docker build would fail too) or move it aside");
        } catch (IOException e) {
          throw new StagebenchException(Category.ENVIRONMENT, "cannot read " + rel + ": " + e.getMessage());
        }
      }
    }
    if (dockerfiles.isEmpty()) {
      throw new StagebenchException(Category.USAGE, "no Dockerfile in " + dir
          + " (looked for Dockerfile, Dockerfile.*, *.Dockerfile outside node_modules, .git, target)");
    }
    List<String> guesses = new ArrayList<>();
    List<String> confirm = new ArrayList<>();
    String name = sanitize(root.getFileName() == null ? "project" : root.getFileName().toString());
    if (name.isEmpty()) {
      name = "project";
    }
    List<String> manifests = files.stream().filter(f -> MANIFESTS.containsKey(fileName(f)))
        .filter(f -> !ignored(ignore, f)).toList();
    // Every language whose manifest is there, in a fixed order (a Node frontend and a Go backend: node+go).
    String language = manifests.isEmpty() ? "unknown" : String.join("+", manifests.stream()
        .map(f -> MANIFESTS.get(fileName(f))).distinct()
        .sorted(java.util.Comparator.comparingInt(LANGUAGE_ORDER::indexOf)).toList());
    if (Files.isRegularFile(root.resolve(".dockerignore"))) {
      guesses.add(".dockerignore: " + ignore.size() + " pattern(s) honoured when choosing files to edit");
    }

    List<Map<String, Object>> variants = variants(dockerfiles, guesses, confirm);
    Map<String, Object> edits = new LinkedHashMap<>();
    Optional<String[]> deps = depsEdit(dockerfiles, manifests, guesses, confirm);
    Set<String> excluded = new LinkedHashSet<>(manifests);
    deps.ifPresent(d -> excluded.add(d[0]));
    Optional<Map<String, Object>> source = sourceEdit(dockerfiles, files, ignore, excluded, guesses, confirm);
    source.ifPresent(s -> edits.put("source", s));
    deps.ifPresent(d -> edits.put("deps", depsEditJson(d[0], root)));
    if (source.isEmpty()) {
      confirm.add("no file copied after the manifest has a known comment syntax: add edits.source by hand, or "
          + "the source-edit scenario is skipped");
    }
    if (deps.isEmpty()) {
      confirm.add("no dependency manifest (" + String.join(", ", MANIFESTS.keySet())
          + ") is copied by a Dockerfile: add edits.deps by hand, or the deps-edit scenario is skipped");
    }
    Map<String, Object> smoke = smoke(dockerfiles, guesses, confirm);

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schemaVersion", FixtureLoader.SCHEMA_VERSION);
    m.put("name", name);
    m.put("description", "Generated by stagebench init from " + dockerfiles.size() + " Dockerfile(s); describe the program here.");
    m.put("language", language);
    m.put("variants", variants);
    if (!edits.isEmpty()) {
      m.put("edits", edits);
    }
    m.put("smoke", smoke);
    return new Result(m, guesses, confirm);
  }

  // ---------------------------------------------------------------- variants

  private static List<Map<String, Object>> variants(List<Found> dockerfiles, List<String> guesses, List<String> confirm) {
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    // The baseline is "single": Dockerfile.single if there is one, else a one-stage Dockerfile, else the first.
    Found baseline = dockerfiles.stream().filter(f -> baseName(f.rel()).equals("single")).findFirst()
        .or(() -> dockerfiles.stream().filter(f -> f.parsed().stages().size() == 1).findFirst())
        .orElse(dockerfiles.get(0));
    List<Found> ordered = new ArrayList<>();
    ordered.add(baseline);
    dockerfiles.stream().filter(f -> f != baseline).forEach(ordered::add);
    for (Found f : ordered) {
      String vname = f == baseline ? "single" : unique(baseName(f.rel()), used);
      used.add(vname);
      Dockerfile d = f.parsed();
      List<String> builders = buildKitOnly(d) ? List.of("buildkit") : FixtureLoader.BUILDERS;
      int stages = d.stages().size();
      String pattern = (f == baseline ? "the baseline: " : "") + f.rel() + ", " + stages + " stage(s)"
          + (stages > 1 ? ", final stage " + d.finalStage().displayName() : "");
      out.add(variant(vname, f.rel(), pattern, null, builders, true));
      guesses.add("variant " + vname + ": " + f.rel() + " (" + stages + " stage(s), builders "
          + String.join(",", builders) + ")" + (f == baseline && !baseName(f.rel()).equals("single")
          ? "; named single because stagebench compares every variant against the baseline \"single\"" : ""));
      baseArgs(d).forEach((arg, def) -> guesses.add("  " + f.rel() + ": base image from ARG " + arg + " (default " + def
          + "); a profile line " + arg + "=IMAGE overrides it"));
      for (Stage s : d.stages()) {
        if (s == d.finalStage() || s.name().isEmpty() || !USER_TARGETS.contains(s.name().get())) {
          continue;
        }
        String stage = s.name().get();
        String tname = unique(vname + "-" + sanitize(stage), used);
        used.add(tname);
        boolean production = !NOT_PRODUCTION.contains(stage);
        out.add(variant(tname, f.rel(), f.rel() + " built with --target " + stage, stage, builders, production));
        guesses.add("variant " + tname + ": " + f.rel() + " --target " + stage + (production ? "" : " (production: false)"));
        confirm.add("variant " + tname + ": is stage " + stage + " one you build and ship? remove it if not");
      }
    }
    if (!baseName(baseline.rel()).equals("single")) {
      confirm.add("the baseline \"single\" is " + baseline.rel() + "; sizes and times of the others are compared with it");
    }
    return out;
  }

  private static Map<String, Object> variant(String name, String dockerfile, String pattern, String target,
      List<String> builders, boolean production) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("dockerfile", dockerfile);
    v.put("pattern", pattern);
    v.put("target", target);
    v.put("buildArgs", Map.of());
    v.put("builders", builders);
    v.put("production", production);
    return v;
  }

  /** The variant name a Dockerfile's file name suggests: {@code Dockerfile.multi} and {@code multi.Dockerfile} give multi. */
  static String baseName(String rel) {
    String file = fileName(rel);
    String stem;
    if (file.equals("Dockerfile")) {
      Path parent = Path.of(rel).getParent();
      stem = parent == null ? "main" : parent.getFileName().toString();
    } else if (file.startsWith("Dockerfile.")) {
      stem = file.substring("Dockerfile.".length());
    } else {
      stem = file.substring(0, file.length() - ".Dockerfile".length());
    }
    String s = sanitize(stem);
    return s.isEmpty() ? "main" : s;
  }

  static String sanitize(String s) {
    String x = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return x;
  }

  private static String unique(String base, Set<String> used) {
    String n = base;
    for (int i = 2; used.contains(n); i++) {
      n = base + "-" + i;
    }
    return n;
  }

  /** Features the classic builder lacks: RUN --mount and other BuildKit flags, heredocs, COPY --link/--chmod. */
  static boolean buildKitOnly(Dockerfile d) {
    for (Instruction i : d.instructions()) {
      if (!i.heredocs().isEmpty()) {
        return true;
      }
      if (i.is("RUN") && (i.hasFlag("mount") || i.hasFlag("network") || i.hasFlag("security"))) {
        return true;
      }
      if ((i.is("COPY") || i.is("ADD")) && (i.hasFlag("link") || i.hasFlag("chmod") || i.hasFlag("parents")
          || i.hasFlag("exclude") || i.hasFlag("checksum") || i.hasFlag("keep-git-dir"))) {
        return true;
      }
    }
    return false;
  }

  /** ARGs before the first FROM that a FROM uses, with their defaults. */
  static Map<String, String> baseArgs(Dockerfile d) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Instruction a : d.globalArgs()) {
      for (var kv : a.keyValues()) {
        String arg = kv.key();
        boolean used = d.stages().stream().anyMatch(s -> s.baseName().contains("${" + arg + "}")
            || s.baseName().matches(".*\\$" + Pattern.quote(arg) + "\\b.*") || s.baseName().contains("${" + arg + ":"));
        if (used) {
          out.put(arg, kv.value().filter(v -> !v.isEmpty()).orElse("none"));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- edits

  /** Context copies (COPY/ADD without --from and without heredocs) of a Dockerfile in file order. */
  private static List<Copy> copies(Dockerfile d) {
    List<Copy> out = new ArrayList<>();
    int order = 0;
    for (Instruction i : d.instructions()) {
      if ((i.is("COPY") || i.is("ADD")) && i.flag("from").isEmpty() && i.heredocs().isEmpty() && i.arguments().size() >= 2) {
        List<String> src = i.arguments().subList(0, i.arguments().size() - 1).stream().map(FixtureInit::normalizeSource).toList();
        out.add(new Copy(order++, src));
      }
    }
    return out;
  }

  static String normalizeSource(String s) {
    String x = s.replace('\\', '/');
    while (x.startsWith("./")) {
      x = x.substring(2);
    }
    while (x.startsWith("/")) {
      x = x.substring(1);
    }
    while (x.endsWith("/") && x.length() > 1) {
      x = x.substring(0, x.length() - 1);
    }
    return x.equals("") ? "." : x;
  }

  static boolean covers(String source, String rel) {
    if (source.equals(".") || source.equals("*")) {
      return true;
    }
    if (rel.equals(source) || rel.startsWith(source + "/")) {
      return true;
    }
    if (source.contains("*") || source.contains("?") || source.contains("[")) {
      try {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + source);
        Path p = Path.of(rel);
        for (int n = 1; n <= p.getNameCount(); n++) {
          if (m.matches(p.subpath(0, n))) {
            return true;
          }
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean wholeContext(Copy c) {
    return c.sources().stream().anyMatch(s -> s.equals(".") || s.equals("*"));
  }

  private static int firstCovering(List<Copy> copies, String rel) {
    for (Copy c : copies) {
      if (c.sources().stream().anyMatch(s -> covers(s, rel))) {
        return c.order();
      }
    }
    return -1;
  }

  /** The manifest a Dockerfile copies before its later sources: {file, dockerfile}. */
  private static Optional<String[]> depsEdit(List<Found> dockerfiles, List<String> manifests, List<String> guesses,
      List<String> confirm) {
    String best = null;
    String via = null;
    int bestScore = Integer.MAX_VALUE;
    for (Found f : dockerfiles) {
      List<Copy> copies = copies(f.parsed());
      for (String m : manifests) {
        int at = firstCovering(copies, m);
        if (at < 0 || at == copies.size() - 1 || wholeContext(copies.get(at))) {
          continue;
        }
        // Named exactly beats copied with its directory; shallower beats deeper.
        boolean exact = copies.get(at).sources().stream().anyMatch(s -> s.equals(m) || (!s.contains("/") && s.contains("*") && covers(s, m)));
        int score = (exact ? 0 : 1000) + Path.of(m).getNameCount() * 10 + at;
        if (score < bestScore) {
          bestScore = score;
          best = m;
          via = f.rel();
        }
      }
    }
    if (best != null) {
      guesses.add("dependency edit: " + best + " (" + via + " copies it before the sources)");
      return Optional.of(new String[] {best, via});
    }
    // No Dockerfile separates it: a manifest that is copied at all still makes a valid edit.
    for (String m : manifests.stream().sorted(Comparator.comparingInt((String x) -> Path.of(x).getNameCount())).toList()) {
      for (Found f : dockerfiles) {
        if (firstCovering(copies(f.parsed()), m) >= 0) {
          guesses.add("dependency edit: " + m + " (copied together with the sources, so it rebuilds what a source edit does)");
          confirm.add("no Dockerfile copies a manifest before the sources: the deps-edit numbers equal source-edit's");
          return Optional.of(new String[] {m, f.rel()});
        }
      }
    }
    return Optional.empty();
  }

  /** A deterministic edit valid for the manifest's format. */
  static Map<String, Object> depsEditJson(String rel, Path root) {
    String file = fileName(rel);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("file", rel);
    switch (file) {
      case "package.json" -> {
        String text;
        try {
          text = Files.readString(root.resolve(rel), StandardCharsets.UTF_8);
        } catch (IOException ex) {
          text = "";
        }
        Matcher dm = Pattern.compile("\"description\"\\s*:\\s*\"").matcher(text);
        if (dm.find()) {
          e.put("replace", Map.of("find", dm.group(), "with", dm.group() + "{{value}} "));
        } else {
          int brace = text.indexOf('{');
          boolean empty = brace >= 0 && text.substring(brace + 1).strip().startsWith("}");
          e.put("replace", Map.of("find", "{", "with", empty ? "{\"description\": \"stagebench deps edit {{value}}\""
              : "{\"description\": \"stagebench deps edit {{value}}\","));
        }
      }
      case "pom.xml" -> e.put("append", "\n<!-- stagebench deps edit {{value}} -->\n");
      case "build.gradle", "build.gradle.kts", "go.mod" -> e.put("append", "\n// stagebench deps edit {{value}}\n");
      default -> e.put("append", "\n# stagebench deps edit {{value}}\n");
    }
    return e;
  }

  private static Optional<Map<String, Object>> sourceEdit(List<Found> dockerfiles, List<String> files, List<String> ignore,
      Set<String> excluded, List<String> guesses, List<String> confirm) {
    // Prefer the Dockerfile with the most context copies: it separates dependencies from sources.
    List<Found> byCopies = dockerfiles.stream()
        .sorted(Comparator.comparingInt((Found f) -> -copies(f.parsed()).size())).toList();
    for (Found f : byCopies) {
      List<Copy> copies = copies(f.parsed());
      if (copies.isEmpty()) {
        continue;
      }
      Copy last = copies.get(copies.size() - 1);
      List<String> candidates = files.stream()
          .filter(x -> !excluded.contains(x) && !LOCKFILES.contains(fileName(x)) && !isDockerfile(x))
          .filter(x -> !fileName(x).startsWith(".") && !ignored(ignore, x))
          .filter(x -> commentFor(x).isPresent())
          // Copied late: not by the first COPY (unless it is the only one), by a later one.
          .filter(x -> copies.size() == 1 ? firstCovering(copies, x) == 0 : firstCovering(copies, x) > 0)
          .sorted(Comparator.comparingInt((String x) -> last.sources().stream().anyMatch(s -> covers(s, x)) ? 0 : 1)
              .thenComparingInt(FixtureInit::testPenalty)
              .thenComparingInt(FixtureInit::namePenalty)
              .thenComparingInt(x -> Path.of(x).getNameCount())
              .thenComparing(x -> x))
          .toList();
      if (!candidates.isEmpty()) {
        String pick = candidates.get(0);
        String[] c = commentFor(pick).orElseThrow();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("file", pick);
        e.put("append", "\n" + c[0] + " stagebench source edit {{value}}" + c[1] + "\n");
        guesses.add("source edit: " + pick + " (" + f.rel() + " copies it after its first COPY)");
        confirm.add("source edit: is " + pick + " a file you edit often? an appended comment must not break the build");
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static int testPenalty(String rel) {
    String l = rel.toLowerCase(Locale.ROOT);
    return l.contains("test") || l.contains("spec") ? 1 : 0;
  }

  private static int namePenalty(String rel) {
    String stem = fileName(rel).replaceAll("\\..*$", "").toLowerCase(Locale.ROOT);
    return Set.of("main", "app", "server", "index", "lib", "application").contains(stem) ? 0 : 1;
  }

  /** Comment delimiters for a source file, by extension. */
  static Optional<String[]> commentFor(String rel) {
    String f = fileName(rel);
    int dot = f.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String ext = f.substring(dot + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "go", "java", "kt", "kts", "scala", "groovy", "js", "mjs", "cjs", "ts", "tsx", "jsx", "rs", "c", "h", "cc",
          "cpp", "hpp", "cs", "swift", "dart", "php" -> Optional.of(new String[] {"//", ""});
      case "py", "rb", "sh", "pl", "r", "ex", "exs", "yaml", "yml", "toml", "conf" -> Optional.of(new String[] {"#", ""});
      case "html", "xml", "vue", "svelte" -> Optional.of(new String[] {"<!--", " -->"});
      case "css", "scss" -> Optional.of(new String[] {"/*", " */"});
      case "sql", "lua", "hs" -> Optional.of(new String[] {"--", ""});
      default -> Optional.empty();
    };
  }

  // ---------------------------------------------------------------- smoke

  private static Map<String, Object> smoke(List<Found> dockerfiles, List<String> guesses, List<String> confirm) {
    for (Found f : dockerfiles) {
      Stage s = f.parsed().finalStage();
      for (Instruction h : s.instructions("HEALTHCHECK")) {
        Matcher m = HEALTH_URL.matcher(h.rawArguments());
        if (m.find()) {
          int port = m.group(1) != null ? Integer.parseInt(m.group(1)) : exposed(s).orElse(80);
          String path = m.group(2) != null ? m.group(2) : "/";
          guesses.add("smoke: GET " + path + " on port " + port + " expecting 200 (from the HEALTHCHECK of " + f.rel() + ")");
          return httpSmoke(port, path);
        }
      }
      Optional<Integer> port = exposed(s);
      if (port.isPresent()) {
        guesses.add("smoke: GET / on port " + port.get() + " expecting 200 (a guess from EXPOSE in " + f.rel() + ")");
        confirm.add("smoke: does GET / answer 200 on port " + port.get() + "? set smoke.http.path to a health endpoint "
            + "and expectBodyContains to a word it returns");
        return httpSmoke(port.get(), "/");
      }
    }
    guesses.add("smoke: run the image and expect exit 0 (no EXPOSE or HTTP HEALTHCHECK found)");
    confirm.add("smoke: the image is run with no arguments and must exit 0 within 60 s; set smoke.command.args "
        + "and expectOutputContains to a real check");
    Map<String, Object> cmd = new LinkedHashMap<>();
    cmd.put("args", List.of());
    cmd.put("expectOutputContains", "");
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("command", cmd);
    s.put("timeoutSeconds", 60);
    return s;
  }

  private static Optional<Integer> exposed(Stage s) {
    for (Instruction e : s.instructions("EXPOSE")) {
      for (String a : e.arguments()) {
        Matcher m = Pattern.compile("(\\d{1,5})(?:/tcp)?").matcher(a);
        if (m.matches()) {
          int p = Integer.parseInt(m.group(1));
          if (p >= 1 && p <= 65535) {
            return Optional.of(p);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Map<String, Object> httpSmoke(int port, String path) {
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("port", port);
    http.put("path", path);
    http.put("expectStatus", 200);
    http.put("expectBodyContains", "");
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("http", http);
    s.put("timeoutSeconds", 60);
    return s;
  }

  // ---------------------------------------------------------------- files

  static boolean isDockerfile(String rel) {
    String f = fileName(rel);
    if (f.endsWith(".dockerignore")) {
      return false;
    }
    return f.equals("Dockerfile") || (f.startsWith("Dockerfile.") && f.length() > "Dockerfile.".length())
        || (f.endsWith(".Dockerfile") && f.length() > ".Dockerfile".length());
  }

  private static String fileName(String rel) {
    int slash = rel.lastIndexOf('/');
    return slash < 0 ? rel : rel.substring(slash + 1);
  }

  /** Regular files under root, relative with forward slashes, sorted, skipping node_modules, .git and target. */
  static List<String> listFiles(Path root) throws StagebenchException {
    List<String> out = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          return !d.equals(root) && SKIP_DIRS.contains(d.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()) {
            out.add(root.relativize(file).toString().replace('\\', '/'));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot list " + root + ": " + e.getMessage());
    }
    out.sort(null);
    return out;
  }

  private static List<String> dockerignore(Path root) throws StagebenchException {
    Path f = root.resolve(".dockerignore");
    if (!Files.isRegularFile(f)) {
      return List.of();
    }
    try {
      return Files.readAllLines(f, StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot read .dockerignore: " + e.getMessage());
    }
  }

  /** Whether .dockerignore excludes rel (last matching pattern wins, {@code !} re-includes). */
  static boolean ignored(List<String> patterns, String rel) {
    boolean out = false;
    for (String p : patterns) {
      boolean negate = p.startsWith("!");
      String pat = normalizeSource(negate ? p.substring(1).strip() : p);
      if (pat.equals(".")) {
        continue;
      }
      boolean match = covers(pat, rel) || (pat.contains("**") && covers(pat.replace("**/", ""), rel));
      if (match) {
        out = !negate;
      }
    }
    return out;
  }
}
