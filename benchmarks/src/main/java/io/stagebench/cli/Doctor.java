package io.stagebench.cli;

import io.stagebench.StagebenchException;
import io.stagebench.Units;
import io.stagebench.bases.BaseImages;
import io.stagebench.bases.Profile;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.EngineInfo;
import io.stagebench.engine.EngineKind;
import io.stagebench.engine.ImageStore;
import io.stagebench.engine.RegistryProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks that this machine can benchmark: engine, builders, disk, base images, registry access. */
public final class Doctor {
  /** Below this many free bytes under the engine's data root, a run is likely to fail. */
  public static final long MIN_FREE_DISK = 5L << 30;
  /** Below this, warn: a full run with JDK builders takes several GB. */
  public static final long LOW_FREE_DISK = 20L << 30;

  /** One finding: {@code ok}, {@code warn} or {@code fail}, with its fix when not ok. */
  public record Check(String name, String level, String message, String fix) {}

  /** A profile's bases as the engine has them. */
  public record ProfileState(String name, List<String> present, List<String> missing, boolean usable) {}

  /** Everything doctor found. */
  public record Result(
      Optional<EngineInfo> engine,
      boolean canPullPublic,
      String chosenProfile,
      List<ProfileState> profiles,
      List<Check> checks) {
    public boolean ready() {
      return checks.stream().noneMatch(c -> c.level().equals("fail"));
    }
  }

  private final Path home;

  public Doctor(Path home) {
    this.home = home;
  }

  /** Runs every check; never throws for a failed check, only records it. */
  public Result run() {
    List<Check> checks = new ArrayList<>();
    Engine engine;
    try {
      engine = Engine.connect();
    } catch (EngineException e) {
      checks.add(new Check("engine", "fail", e.getMessage(), "scripts/docker-engine"));
      return new Result(Optional.empty(), false, "none", List.of(), checks);
    }
    try (engine) {
      EngineInfo info = engine.info();
      checks.add(new Check("engine", "ok",
          info.product() + " (API " + info.apiVersion() + ", speaking " + info.negotiatedApiVersion() + ") at " + info.endpoint(), null));
      checks.add(new Check("builder " + info.classicBuilder().id(), "ok", info.classicBuilder().description(), null));
      if (info.kind() == EngineKind.PODMAN) {
        checks.add(new Check("builder buildkit", "info", info.buildKitDetail(), null));
      } else {
        checks.add(info.buildKit()
            ? new Check("builder buildkit", "ok", info.buildKitDetail(), null)
            : new Check("builder buildkit", "warn", "BuildKit builds fail: " + info.buildKitDetail(),
                "use --builder classic, or an engine with BuildKit (Docker 18.09 or later)"));
      }
      checks.add(new Check("storage", "ok", storeLine(info), null));
      if (info.freeDiskBytes().isPresent()) {
        long free = info.freeDiskBytes().getAsLong();
        String msg = Units.bytes(free) + " free under " + info.dataRoot();
        String fix = "free space: `stagebench clean`, `docker image prune`, `docker builder prune`";
        checks.add(free < MIN_FREE_DISK ? new Check("disk", "fail", msg, fix)
            : free < LOW_FREE_DISK ? new Check("disk", "warn", msg, fix) : new Check("disk", "ok", msg, null));
      } else {
        checks.add(new Check("disk", "warn", "free space of a remote engine's data root is unknown", "check it on the engine's host"));
      }
      RegistryProbe.Result pull = new RegistryProbe(engine).probe(Duration.ofSeconds(5));
      checks.add(new Check("public images", pull.canPull() ? "ok" : "warn", pull.detail(),
          pull.canPull() ? null : "the offline profile needs no registry: `stagebench bases build`"));
      List<ProfileState> profiles = new ArrayList<>();
      for (String name : Profile.NAMES) {
        profiles.add(profileState(engine, name, name.equals("hub") && pull.canPull()));
      }
      String chosen = pull.canPull() ? "hub" : "offline";
      ProfileState chosenState = profiles.stream().filter(p -> p.name().equals(chosen)).findFirst().orElseThrow();
      if (chosenState.usable()) {
        checks.add(new Check("profile", "ok", "auto chooses " + chosen + ": every base image is there"
            + (chosen.equals("hub") ? " or can be pulled" : ""), null));
      } else {
        checks.add(new Check("profile", "fail", "auto chooses " + chosen + ", which lacks "
            + String.join(", ", chosenState.missing()), "stagebench bases build"));
      }
      return new Result(Optional.of(info), pull.canPull(), chosen, profiles, checks);
    } catch (StagebenchException e) {
      checks.add(new Check("engine", "fail", e.getMessage(), "scripts/docker-engine"));
      return new Result(Optional.empty(), false, "none", List.of(), checks);
    }
  }

  private ProfileState profileState(Engine engine, String name, boolean pullable) throws StagebenchException {
    Profile p = Profile.load(home, name);
    Map<String, Boolean> images = new LinkedHashMap<>();
    for (String image : p.buildArgs().values()) {
      images.put(image, BaseImages.inspect(engine, image).isPresent());
    }
    List<String> present = images.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    List<String> missing = images.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    return new ProfileState(name, present, missing, missing.isEmpty() || pullable);
  }

  /** The storage line: driver, store, and what the engine's own image size counts there. */
  static String storeLine(EngineInfo info) {
    String store = switch (info.imageStore()) {
      case GRAPH_DRIVER -> "graph driver";
      case CONTAINERD -> "containerd image store";
      case CONTAINERS_STORAGE -> "containers/storage";
    };
    return info.storageDriver() + " (" + store + ") at " + info.dataRoot()
        + (info.imageStore() == ImageStore.GRAPH_DRIVER ? ""
            : "; the engine's image size counts " + info.imageStore().sizeMeaning() + ", reports use the uncompressed size");
  }
}
