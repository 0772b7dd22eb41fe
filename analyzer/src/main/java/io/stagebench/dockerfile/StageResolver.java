package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the stages in order with Docker's variable scoping: global ARGs are visible to FROM only,
 * a stage sees an ARG once it declares it (a bare {@code ARG NAME} takes the global value), ENV
 * wins over ARG, and a stage built FROM another inherits its ENV but not its ARGs.
 */
final class StageResolver {
  /** Instructions whose arguments the builder expands. */
  private static final Set<String> EXPANDED =
      Set.of("add", "copy", "env", "label", "arg", "expose", "volume", "user", "workdir", "stopsignal");
  /** The flags whose values the builder expands, per instruction (RUN: the --mount options). */
  private static final Map<String, Set<String>> EXPANDED_FLAGS =
      Map.of(
          "add", Set.of("chown", "chmod", "checksum"),
          "copy", Set.of("chown", "chmod"),
          "run", Set.of("mount"));
  /** What a stage's environment starts with when its base image sets none (BuildKit adds it). */
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final Dockerfile df;
  private final Map<String, String> buildArgs;
  private final Map<String, String> automatic;
  private final Map<String, String> globals = new LinkedHashMap<>();
  private final Set<String> globalDeclared = new HashSet<>();
  private final List<Edge> edges = new ArrayList<>();
  private final List<Map<String, String>> stageArgs = new ArrayList<>();

  /**
   * @param targetStage the target's name, for the automatic {@code TARGETSTAGE}
   */
  StageResolver(Dockerfile df, Map<String, String> buildArgs, String targetStage) {
    this.df = df;
    this.buildArgs = Map.copyOf(buildArgs);
    this.automatic = automaticArgs(buildArgs, targetStage);
  }

  /**
   * The ARGs BuildKit defines in the global scope without a declaration: the platforms (a
   * linux/amd64 build unless the build args say otherwise) and the target stage's name.
   */
  private static Map<String, String> automaticArgs(Map<String, String> buildArgs, String target) {
    Map<String, String> m = new LinkedHashMap<>();
    putPlatform(m, "BUILD", buildArgs.getOrDefault("BUILDPLATFORM", "linux/amd64"));
    putPlatform(m, "TARGET", buildArgs.getOrDefault("TARGETPLATFORM", "linux/amd64"));
    m.put("TARGETSTAGE", target);
    for (String k : List.copyOf(m.keySet())) {
      if (buildArgs.containsKey(k)) {
        m.put(k, buildArgs.get(k));
      }
    }
    return m;
  }

  private static void putPlatform(Map<String, String> m, String prefix, String platform) {
    String[] parts = platform.split("/", 3);
    m.put(prefix + "PLATFORM", platform);
    m.put(prefix + "OS", parts[0]);
    m.put(prefix + "OSVERSION", "");
    m.put(prefix + "ARCH", parts.length > 1 ? parts[1] : "");
    m.put(prefix + "VARIANT", parts.length > 2 ? parts[2] : "");
  }

  Map<String, String> globals() {
    Map<String, String> all = new LinkedHashMap<>(automatic);
    all.putAll(globals);
    return all;
  }

  List<Edge> edges() {
    return List.copyOf(edges);
  }

  List<ResolvedStage> resolveStages() throws StageGraphException {
    for (Instruction arg : df.globalArgs()) {
      if (!arg.is("ARG")) {
        continue;
      }
      for (KeyValue kv : arg.keyValues()) {
        String name = kv.key();
        globalDeclared.add(name);
        String value = declaredValue(kv, globals(), arg);
        if (value != null) {
          globals.put(name, value);
        } else {
          globals.remove(name);
        }
      }
    }
    List<ResolvedStage> out = new ArrayList<>();
    for (Stage s : df.stages()) {
      out.add(resolveStage(s, out));
    }
    return out;
  }

  /** The value an ARG gets: the build arg, else its default, else (in a stage) the global one. */
  private String declaredValue(KeyValue kv, Map<String, String> scope, Instruction at)
      throws StageGraphException {
    String name = kv.key();
    if (buildArgs.containsKey(name)) {
      return buildArgs.get(name);
    }
    if (kv.rawValue().isPresent()) {
      return expand(kv.rawValue().get(), scope, at);
    }
    return automatic.get(name);
  }

  private ResolvedStage resolveStage(Stage s, List<ResolvedStage> earlier)
      throws StageGraphException {
    Map<String, String> globalScope = globals();
    String base = expand(s.baseName(), globalScope, s.from());
    if (base.isEmpty()) {
      throw new StageGraphException(
          s.from().startLine(), "base name (" + s.baseName() + ") should not be blank");
    }
    Optional<String> platform = Optional.empty();
    if (s.platform().isPresent()) {
      platform = Optional.of(expand(s.platform().get(), globalScope, s.from()));
    }
    Optional<Integer> baseStage = Optional.empty();
    for (ResolvedStage e : earlier) {
      if (e.stage().name().isPresent() && e.stage().name().get().equals(base.toLowerCase(Locale.ROOT))) {
        baseStage = Optional.of(e.index());
      }
    }
    edges.add(new Edge(Edge.Kind.FROM, s.index(), baseStage, base, s.from().startLine()));

    // A stage built FROM another inherits its ENV and ARGs; from an image, it starts with the
    // image's ENV, which only a registry knows: assume the PATH BuildKit gives one without.
    Map<String, String> args = new HashMap<>();
    Map<String, String> env = new LinkedHashMap<>();
    if (baseStage.isPresent()) {
      env.putAll(earlier.get(baseStage.get()).env());
      args.putAll(stageArgs.get(baseStage.get()));
    } else {
      env.put("PATH", DEFAULT_PATH);
    }
    List<ResolvedInstruction> resolved = new ArrayList<>();
    for (Instruction i : s.body()) {
      Map<String, String> scope = new HashMap<>(args);
      scope.putAll(env);
      resolved.add(resolveInstruction(s, i, scope));
      if (i.is("ARG")) {
        for (KeyValue kv : i.keyValues()) {
          String value;
          if (kv.rawValue().isEmpty() && !buildArgs.containsKey(kv.key()) && globalDeclared.contains(kv.key())) {
            value = globals.get(kv.key());
          } else {
            value = declaredValue(kv, scope, i);
          }
          if (value == null) {
            args.remove(kv.key());
          } else {
            args.put(kv.key(), value);
          }
          if (!env.containsKey(kv.key())) {
            if (value == null) {
              scope.remove(kv.key());
            } else {
              scope.put(kv.key(), value);
            }
          }
        }
      } else if (i.is("ENV")) {
        // Every pair of one ENV sees the values from before it: ENV a=1 b=$a takes the old a.
        Map<String, String> before = Map.copyOf(scope);
        for (KeyValue kv : i.keyValues()) {
          env.put(expand(kv.key(), before, i), expand(kv.rawValue().orElse(""), before, i));
        }
      }
    }
    stageArgs.add(Map.copyOf(args));
    return new ResolvedStage(s, base, baseStage, platform, resolved, env);
  }

  private ResolvedInstruction resolveInstruction(Stage s, Instruction i, Map<String, String> scope)
      throws StageGraphException {
    String k = i.lowerKeyword();
    Map<String, String> flags = new HashMap<>();
    Set<String> expandable = EXPANDED_FLAGS.getOrDefault(k, Set.of());
    for (Flag f : i.flags()) {
      String v = f.valueOrTrue();
      flags.put(f.name(), expandable.contains(f.name()) ? expand(v, scope, i) : v);
    }
    List<String> args = new ArrayList<>();
    if (!EXPANDED.contains(k)) {
      args.addAll(i.arguments());
    } else if (k.equals("env") || k.equals("label")) {
      for (KeyValue kv : i.keyValues()) {
        args.add(expand(kv.key(), scope, i));
        args.add(expand(kv.rawValue().orElse(""), scope, i));
      }
    } else if (k.equals("arg")) {
      for (KeyValue kv : i.keyValues()) {
        args.add(kv.rawValue().isPresent() ? kv.key() + "=" + expand(kv.rawValue().get(), scope, i) : kv.key());
      }
    } else if (k.equals("expose")) {
      for (String a : i.arguments()) {
        args.addAll(expandWords(a, scope, i));
      }
    } else {
      for (String a : i.arguments()) {
        args.add(expand(a, scope, i));
      }
    }
    if (k.equals("copy") && flags.containsKey("from")) {
      String from = flags.get("from");
      if (from.contains("$")) {
        throw new StageGraphException(
            i.startLine(),
            "variable expansion is not supported for --from, define a new stage with FROM using"
                + " ARG from global scope as a workaround");
      }
      addStageEdge(Edge.Kind.COPY_FROM, s, from, i);
    }
    if (k.equals("run")) {
      for (Flag f : i.flags("mount")) {
        Optional<String> rawFrom = Mount.parse(f.valueOrTrue()).from();
        if (rawFrom.isPresent() && rawFrom.get().contains("$")) {
          throw new StageGraphException(
              i.startLine(), "'from' doesn't support variable expansion, define alias stage instead");
        }
        Mount m = Mount.parse(expand(f.valueOrTrue(), scope, i));
        if (m.from().isPresent()) {
          addStageEdge(Edge.Kind.MOUNT_FROM, s, m.from().get(), i);
        }
      }
    }
    return new ResolvedInstruction(i, args, flags, scope);
  }

  private void addStageEdge(Edge.Kind kind, Stage s, String ref, Instruction at)
      throws StageGraphException {
    Optional<Integer> target = Optional.empty();
    String lower = ref.toLowerCase(Locale.ROOT);
    for (Stage other : df.stages()) {
      if (other.name().isPresent() && other.name().get().equals(lower)) {
        target = Optional.of(other.index());
      }
    }
    if (target.isEmpty() && !ref.isEmpty() && ref.chars().allMatch(Character::isDigit)) {
      int index;
      try {
        index = Integer.parseInt(ref);
      } catch (NumberFormatException e) {
        index = Integer.MAX_VALUE;
      }
      if (index >= s.index()) {
        throw new StageGraphException(
            at.startLine(),
            "invalid from flag value " + ref + ": refers to the current or a later stage");
      }
      target = Optional.of(index);
    }
    if (target.isPresent() && target.get() == s.index()) {
      throw new StageGraphException(at.startLine(), "circular dependency detected on stage: " + ref);
    }
    edges.add(new Edge(kind, s.index(), target, ref, at.startLine()));
  }

  private String expand(String word, Map<String, String> scope, Instruction at)
      throws StageGraphException {
    try {
      return new ShellWords(df.escapeChar(), scope::get).word(word);
    } catch (ShellSyntaxException e) {
      throw new StageGraphException(
          at.startLine(), "failed to process " + GoText.quote(word) + ": " + e.getMessage());
    }
  }

  private List<String> expandWords(String word, Map<String, String> scope, Instruction at)
      throws StageGraphException {
    try {
      return new ShellWords(df.escapeChar(), scope::get).words(word);
    } catch (ShellSyntaxException e) {
      throw new StageGraphException(
          at.startLine(), "failed to process " + GoText.quote(word) + ": " + e.getMessage());
    }
  }
}
