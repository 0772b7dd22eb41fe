package io.stagebench.bases;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.RegistryProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Chooses a profile ({@code auto}: hub when public images can be pulled) and makes its bases present. */
public final class Profiles {
  private Profiles() {}

  /**
   * Resolves {@code auto}, {@code hub} or {@code offline}, saying which it chose for auto.
   *
   * @throws StagebenchException for an unknown name or an unreadable profile
   */
  public static Profile choose(Path home, Engine engine, String name, Consumer<String> say) throws StagebenchException {
    if (!name.equals("auto")) {
      return Profile.load(home, name);
    }
    RegistryProbe.Result probe = new RegistryProbe(engine).probe(Duration.ofSeconds(5));
    String chosen = probe.canPull() ? "hub" : "offline";
    say.accept("profile auto: using " + chosen + (probe.canPull() ? " (public images can be pulled)" : " (public images cannot be pulled)"));
    return Profile.load(home, chosen);
  }

  /** The profile's base images a Dockerfile uses ({@code $NAME} or {@code ${NAME}} of its build args). */
  public static Set<String> imagesUsedBy(Profile profile, Path dockerfile) throws StagebenchException {
    String text;
    try {
      text = Files.readString(dockerfile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot read " + dockerfile.getFileName() + ": " + e.getMessage());
    }
    Set<String> out = new LinkedHashSet<>();
    profile.buildArgs().forEach((arg, image) -> {
      if (text.matches("(?s).*\\$\\{" + arg + "(?::?[-+][^}]*)?}.*") || text.matches("(?s).*\\$" + arg + "\\b.*")) {
        out.add(image);
      }
    });
    return out;
  }

  /**
   * Makes sure every image is in the engine before anything is timed: pulls them for {@code hub},
   * and for {@code offline} fails with the command that builds them.
   *
   * @throws StagebenchException (environment) when an image is missing and cannot be had
   */
  public static void ensurePresent(Engine engine, Profile profile, Set<String> images, Consumer<String> say)
      throws StagebenchException {
    for (String image : images) {
      if (BaseImages.inspect(engine, image).isPresent()) {
        continue;
      }
      if (!profile.name().equals("hub")) {
        throw new StagebenchException(Category.ENVIRONMENT, "base image " + image + " of profile "
            + profile.name() + " is missing; run `./stagebench bases build`");
      }
      say.accept("pulling " + image);
      boolean pulled;
      try {
        pulled = engine.images().pull(image, Duration.ofMinutes(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineException("interrupted while pulling " + image);
      } catch (EngineException e) {
        // "cannot pull <image>: <why>"
        throw new EngineException(e.getMessage() + "; use --profile offline after `./stagebench bases build`", e);
      }
      if (!pulled) {
        throw new EngineException("pulling " + image + " did not finish within 30 minutes");
      }
    }
  }
}
