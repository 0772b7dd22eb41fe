package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
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
  /** Instructions whose flag values the builder expands. */
  private static final Set<String> EXPANDED_FLAGS = Set.of("add", "copy", "run", "from");

  private final Dockerfile df;
  private final Map<String, String> buildArgs;
  private final Map<String, String> automatic;
  private final Map<String, String> globals = new LinkedHashMap<>();
  private final Set<String> globalDeclared = new java.util.HashSet<>();
  private final List<Edge> edges = new ArrayList<>();

  StageResolver(Dockerfile df, Map<String, String> buildArgs) {
    this.df = df;
    this.buildArgs = Map.copyOf(buildArgs);
    this.automatic = automaticArgs(buildArgs);
  }

  /** The platform ARGs BuildKit defines without a declaration (a linux/amd64 build by default). */
  private static Map<String, String> automaticArgs(Map<String, String> buildArgs) {
    Map<String, String> m = new LinkedHashMap<>();
    String target = buildArgs.getOrDefault("TARGETPLATFORM", "linux/amd64");
    String build = buildArgs.getOrDefault("BUILDPLATFORM", "linux/amd64");
    putPlatform(m, "TARGET", target);
    putPlatform(m, "BUILD", build);
    return m;
  }

  private static void putPlatform(Map<String, String> m, String prefix, String platform) {
    String[] parts = platform.split("/", 3);
    m.put(prefix + "PLATFORM", platform);
    m.put(prefix + "OS", parts[0]);
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

    Map<String, String> args = new HashMap<>();
    Map<String, String> env = new LinkedHashMap<>();
    baseStage.ifPresent(i -> env.putAll(earlier.get(i).env()));
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
        for (KeyValue kv : i.keyValues()) {
          String key = expand(kv.key(), scope, i);
          String value = expand(kv.rawValue().orElse(""), scope, i);
          env.put(key, value);
          scope.put(key, value);
        }
      }
    }
    return new ResolvedStage(s, base, baseStage, platform, resolved, env);
  }

  private ResolvedInstruction resolveInstruction(Stage s, Instruction i, Map<String, String> scope)
      throws StageGraphException {
    String k = i.lowerKeyword();
    Map<String, String> flags = new HashMap<>();
    for (Flag f : i.flags()) {
      String v = f.valueOrTrue();
      flags.put(f.name(), EXPANDED_FLAGS.contains(k) ? expand(v, scope, i) : v);
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
      addStageEdge(Edge.Kind.COPY_FROM, s, flags.get("from"), i);
    }
    if (k.equals("run")) {
      for (Flag f : i.flags("mount")) {
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
