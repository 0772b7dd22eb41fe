package io.stagebench.bases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The offline base images of {@code fixtures/bases/bases.json}, in build order. A base is either a
 * root filesystem made by a script and imported, or a Dockerfile directory built FROM earlier bases.
 */
public final class BaseCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One base image.
   *
   * @param name short name, e.g. {@code debian-slim}
   * @param image the reference it is tagged as
   * @param rootfs script under {@code fixtures/bases} that writes a rootfs tar to import, or null
   * @param dir Dockerfile directory under {@code fixtures/bases}, or null
   * @param after bases that must exist first
   * @param buildArgs build args for the Dockerfile
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Base(
      String name, String image, String rootfs, String dir, List<String> after, Map<String, String> buildArgs) {
    public Base {
      after = after == null ? List.of() : List.copyOf(after);
      buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
    }

    public boolean isRootfs() {
      return rootfs != null;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record File(List<Base> bases) {}

  private final Path basesDir;
  private final List<Base> bases;

  private BaseCatalog(Path basesDir, List<Base> bases) {
    this.basesDir = basesDir;
    this.bases = List.copyOf(bases);
  }

  /**
   * Reads and checks {@code fixtures/bases/bases.json}.
   *
   * @throws StagebenchException (environment) when the file is unreadable or inconsistent
   */
  public static BaseCatalog load(Path home) throws StagebenchException {
    Path dir = home.resolve("fixtures").resolve("bases");
    Path file = dir.resolve("bases.json");
    File parsed;
    try {
      parsed = JSON.readValue(file.toFile(), File.class);
    } catch (IOException e) {
      throw new StagebenchException(
          Category.ENVIRONMENT, "cannot read fixtures/bases/bases.json: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (parsed.bases() == null || parsed.bases().isEmpty()) {
      throw new StagebenchException(Category.ENVIRONMENT, "fixtures/bases/bases.json lists no bases");
    }
    Set<String> seen = new HashSet<>();
    for (Base b : parsed.bases()) {
      String where = "fixtures/bases/bases.json: base \"" + b.name() + "\"";
      if (b.name() == null || b.image() == null || (b.rootfs() == null) == (b.dir() == null)) {
        throw new StagebenchException(
            Category.ENVIRONMENT, where + " needs a name, an image and exactly one of rootfs or dir");
      }
      Path def = dir.resolve(b.isRootfs() ? b.rootfs() : b.dir() + "/Dockerfile");
      if (!Files.isRegularFile(def)) {
        throw new StagebenchException(Category.ENVIRONMENT, where + ": " + dir.getParent().getParent().relativize(def) + " is missing");
      }
      for (String a : b.after()) {
        if (!seen.contains(a)) {
          throw new StagebenchException(
              Category.ENVIRONMENT, where + " comes after \"" + a + "\", which is not listed before it");
        }
      }
      if (!seen.add(b.name())) {
        throw new StagebenchException(Category.ENVIRONMENT, where + " is listed twice");
      }
    }
    return new BaseCatalog(dir, parsed.bases());
  }

  public List<Base> bases() {
    return bases;
  }

  public Optional<Base> byImage(String image) {
    return bases.stream().filter(b -> b.image().equals(image)).findFirst();
  }

  public Optional<Base> byName(String name) {
    return bases.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  public Path basesDir() {
    return basesDir;
  }

  /** The bases needed to have {@code wanted}, with everything they come after, in build order. */
  public List<Base> closure(Set<String> wantedNames) {
    Set<String> need = new HashSet<>(wantedNames);
    List<Base> reversed = new ArrayList<>(bases);
    Collections.reverse(reversed);
    for (Base b : reversed) {
      if (need.contains(b.name())) {
        need.addAll(b.after());
      }
    }
    return bases.stream().filter(b -> need.contains(b.name())).toList();
  }

  /** Whether the base is a Dockerfile that declares {@code ARG EXTRA_CA_CERTS}. */
  public boolean takesExtraCa(Base base) {
    return !base.isRootfs() && ExtraCaCerts.declaredBy(basesDir.resolve(base.dir()).resolve("Dockerfile"));
  }

  /**
   * A digest of what defines the base: its script, or every file of its directory. A base whose
   * image carries another digest is stale. Extra CA certificates are machine facts, not part of the
   * definition: they are recorded in their own label (see {@link BaseImages}).
   */
  public String definitionDigest(Base base) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      Path root = basesDir.resolve(base.isRootfs() ? base.rootfs() : base.dir());
      List<Path> files;
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(root);
      }
      for (Path f : files) {
        md.update(basesDir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Files.readAllBytes(f));
        md.update((byte) 0);
      }
      md.update(new TreeMap<>(base.buildArgs()).toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
