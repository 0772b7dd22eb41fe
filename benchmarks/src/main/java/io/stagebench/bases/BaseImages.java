package io.stagebench.bases;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.bases.BaseCatalog.Base;
import io.stagebench.engine.BuildRequest;
import io.stagebench.engine.ClassicBuilder;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.ImageInfo;
import io.stagebench.engine.ImageRefs;
import io.stagebench.engine.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The offline base images in the engine: which are there, and building the missing ones. */
public final class BaseImages {
  /** A base's state in the engine. */
  public enum State {
    PRESENT,
    MISSING,
    /** Present, but built from another definition than the checkout's. */
    STALE
  }

  /** A base and how the engine has it. */
  public record Status(Base base, State state, Optional<String> imageId, long sizeBytes) {}

  private final Engine engine;
  private final BaseCatalog catalog;
  private final ExtraCaCerts ca;

  /** Without extra CA certificates. */
  public BaseImages(Engine engine, BaseCatalog catalog) {
    this(engine, catalog, ExtraCaCerts.none());
  }

  /**
   * @param ca extra CA certificates, passed as the build arg {@code EXTRA_CA_CERTS} to the bases
   *     that declare it (and part of their digest)
   */
  public BaseImages(Engine engine, BaseCatalog catalog, ExtraCaCerts ca) {
    this.engine = engine;
    this.catalog = catalog;
    this.ca = ca;
  }

  /** The state of every base. */
  public List<Status> list() throws EngineException {
    List<Status> out = new ArrayList<>();
    for (Base b : catalog.bases()) {
      out.add(status(b));
    }
    return out;
  }

  /** The state of one base. */
  public Status status(Base b) throws EngineException {
    Optional<ImageInfo> img = inspect(engine, b.image());
    if (img.isEmpty()) {
      return new Status(b, State.MISSING, Optional.empty(), 0);
    }
    Map<String, String> labels = img.get().labels();
    String digest = labels.get(Labels.BASE_DIGEST);
    String caLabel = labels.get(ExtraCaCerts.LABEL);
    State state = catalog.definitionDigest(b).equals(digest) && caUpToDate(b, caLabel) ? State.PRESENT : State.STALE;
    return new Status(b, state, Optional.of(img.get().id()), Math.max(0, img.get().sizeBytes()));
  }

  /**
   * Whether a base image's extra-CA label fits this machine: a base that takes extra CAs and was
   * built without them (or with others) while this machine has some is stale, since it cannot reach
   * TLS sites through the intercepting proxy. Without extra CAs nothing is required, so machines
   * without a CA never rebuild, and machines with the same CA agree.
   */
  boolean caUpToDate(Base b, String caLabel) {
    if (!ca.present() || !catalog.takesExtraCa(b)) {
      return true;
    }
    return ca.fingerprint().equals(caLabel);
  }

  /** Inspects an image by reference; empty when the engine does not have it. */
  public static Optional<ImageInfo> inspect(Engine engine, String ref) throws EngineException {
    // Podman answers a short name with any image whose name ends with it
    return engine.images().inspect(ref).filter(img -> ImageRefs.carries(ref, img.repoTags()));
  }

  /**
   * Builds the named bases (all when empty) and what they come after, skipping present ones unless
   * {@code force}.
   *
   * @return the bases built
   * @throws StagebenchException when a build fails or the engine goes away
   */
  public List<Base> build(Set<String> names, boolean force, Consumer<String> progress) throws StagebenchException {
    for (String n : names) {
      if (catalog.byName(n).isEmpty()) {
        throw new StagebenchException(
            Category.USAGE,
            "unknown base \"" + n + "\"; `stagebench bases list` shows the known ones");
      }
    }
    List<Base> wanted = names.isEmpty() ? catalog.bases() : catalog.closure(names);
    List<Base> built = new ArrayList<>();
    for (Base b : wanted) {
      Status s = status(b);
      // A rebuilt base makes everything built FROM it stale, which the digest alone cannot see.
      boolean parentRebuilt = b.after().stream().anyMatch(a -> built.stream().anyMatch(x -> x.name().equals(a)));
      if (s.state() == State.PRESENT && !force && !parentRebuilt) {
        continue;
      }
      progress.accept("building base " + b.name() + " -> " + b.image() + (s.state() == State.STALE ? " (stale)" : ""));
      long start = System.nanoTime();
      if (b.isRootfs()) {
        importRootfs(b);
      } else {
        buildDockerfile(b);
      }
      progress.accept(String.format("built %s in %.1f s", b.image(), (System.nanoTime() - start) / 1e9));
      built.add(b);
    }
    return built;
  }

  private void buildDockerfile(Base b) throws StagebenchException {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.BASE, b.name());
    labels.put(Labels.BASE_DIGEST, catalog.definitionDigest(b));
    if (ca.present() && catalog.takesExtraCa(b)) {
      labels.put(ExtraCaCerts.LABEL, ca.fingerprint());
    }
    new ClassicBuilder(engine)
        .build(
            new BuildRequest(
                catalog.basesDir().resolve(b.dir()),
                "Dockerfile",
                Optional.empty(),
                buildArgs(b),
                labels,
                Set.of(b.image()),
                false));
  }

  /** The base's build args, with {@code EXTRA_CA_CERTS} when there are extra CAs and it declares the arg. */
  Map<String, String> buildArgs(Base b) {
    Map<String, String> args = new LinkedHashMap<>(b.buildArgs());
    if (ca.present() && catalog.takesExtraCa(b)) {
      args.put(ExtraCaCerts.BUILD_ARG, ca.pem().orElseThrow());
    }
    return args;
  }

  private void importRootfs(Base b) throws StagebenchException {
    Path tar = StagebenchHome.cacheDir().resolve(b.name() + ".tar");
    if (!Files.isRegularFile(tar)) {
      runScript(catalog.basesDir().resolve(b.rootfs()), tar);
    }
    List<String> changes = List.of(
        "LABEL " + Labels.BASE + "=" + b.name(),
        "LABEL " + Labels.BASE_DIGEST + "=" + catalog.definitionDigest(b),
        "CMD [\"bash\"]");
    Optional<String> error;
    try (InputStream in = Files.newInputStream(tar)) {
      error = engine.images().importTar(in, b.image(), changes);
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot read " + tar + ": " + e.getMessage());
    }
    if (error.isPresent()) {
      throw new StagebenchException(Category.BUILD_FAILED, "import of " + b.image() + " failed: " + error.get());
    }
  }

  private static void runScript(Path script, Path out) throws StagebenchException {
    try {
      Files.createDirectories(out.getParent());
      Process p =
          new ProcessBuilder(script.toString(), out.toString())
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!p.waitFor(20, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new StagebenchException(Category.ENVIRONMENT, script.getFileName() + " did not finish within 20 minutes");
      }
      if (p.exitValue() != 0) {
        throw new StagebenchException(
            p.exitValue() == 3 ? Category.ENVIRONMENT : Category.BUILD_FAILED,
            script.getFileName() + " failed with exit code " + p.exitValue() + " (its output is above)");
      }
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot run " + script + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StagebenchException(Category.ENVIRONMENT, "interrupted while making the root filesystem");
    }
  }
}
