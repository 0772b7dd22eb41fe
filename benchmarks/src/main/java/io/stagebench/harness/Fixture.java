package io.stagebench.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sample project under {@code fixtures/<name>} as its {@code fixture.json} declares it.
 *
 * @param name the fixture's name (its directory)
 * @param dir the fixture's directory
 * @param description one line: what the program is
 * @param language its ecosystem
 * @param variants the Dockerfiles to build, {@code single} first
 * @param sourceEdit the edit a developer makes to the sources
 * @param depsEdit the edit a developer makes to the dependency manifest
 * @param smoke how to tell that a built image works
 */
public record Fixture(
    String name,
    Path dir,
    String description,
    String language,
    List<Variant> variants,
    Optional<Edit> sourceEdit,
    Optional<Edit> depsEdit,
    Smoke smoke) {
  public Fixture {
    variants = List.copyOf(variants);
  }

  /** The variant with this name. */
  public Optional<Variant> variant(String variantName) {
    return variants.stream().filter(v -> v.name().equals(variantName)).findFirst();
  }

  /**
   * One way to build the fixture.
   *
   * @param name e.g. {@code single}, {@code multi}, {@code multi-cache}
   * @param dockerfile path relative to the fixture directory
   * @param pattern the multi-stage pattern it illustrates
   * @param target the stage to build, if not the last
   * @param buildArgs build args besides the profile's base images
   * @param builders the builders that can build it ({@code classic}, {@code buildkit})
   * @param production whether it is meant to ship (and so to be smaller than single)
   */
  public record Variant(
      String name,
      String dockerfile,
      String pattern,
      Optional<String> target,
      Map<String, String> buildArgs,
      List<String> builders,
      boolean production) {
    public Variant {
      buildArgs = Map.copyOf(buildArgs);
      builders = List.copyOf(builders);
    }

    /**
     * Whether {@code builder} can build it. Buildah (Podman) reads BuildKit's Dockerfile syntax
     * (cache and bind mounts, here-documents), so it builds what either declared builder builds.
     */
    public boolean supports(String builder) {
      if (builder.equals("buildah")) {
        return !builders.isEmpty();
      }
      return builders.contains(builder);
    }
  }

  /**
   * A deterministic change to one file: {@code append} text, or replace the first occurrence of
   * {@code find} with {@code with}. {@code {{value}}} in the text becomes a fresh token.
   */
  public record Edit(String file, Optional<String> append, Optional<String> find, Optional<String> with) {}

  /**
   * The smoke check: an HTTP GET on a published port, or a command with expected output.
   *
   * @param http the HTTP check, if that kind
   * @param command the command check, if that kind
   * @param timeoutSeconds how long the image may take to pass
   * @param capAdd capabilities added back after dropping all
   * @param readOnlyRootfs whether the container runs with a read-only root filesystem
   */
  public record Smoke(
      Optional<HttpCheck> http,
      Optional<CommandCheck> command,
      int timeoutSeconds,
      List<String> capAdd,
      boolean readOnlyRootfs) {
    public Smoke {
      capAdd = List.copyOf(capAdd);
    }
  }

  /** GET {@code path} on container port {@code port}: status and a body fragment. */
  public record HttpCheck(int port, String path, int expectStatus, String expectBodyContains) {}

  /** Run the image with {@code args} appended; exit 0 with output containing the fragment. */
  public record CommandCheck(List<String> args, String expectOutputContains) {
    public CommandCheck {
      args = List.copyOf(args);
    }
  }
}
