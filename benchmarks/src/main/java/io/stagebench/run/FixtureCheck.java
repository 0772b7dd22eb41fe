package io.stagebench.run;

import io.stagebench.StagebenchException;
import io.stagebench.Units;
import io.stagebench.bases.BaseImages;
import io.stagebench.bases.Profile;
import io.stagebench.bases.Profiles;
import io.stagebench.engine.BuildFailedException;
import io.stagebench.engine.BuildRequest;
import io.stagebench.engine.BuildResult;
import io.stagebench.engine.BuilderKind;
import io.stagebench.engine.Builders;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.EngineKind;
import io.stagebench.engine.ImageInfo;
import io.stagebench.engine.UnsupportedBuildException;
import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.Secrets;
import io.stagebench.image.ImageSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code fixtures check}: builds each variant with each chosen builder (the layer cache allowed),
 * runs its smoke check, and records the final image size.
 */
public final class FixtureCheck {
  /** Which builders to use: {@code auto} is classic where the variant allows it, else BuildKit. */
  public enum BuilderChoice { AUTO, CLASSIC, BUILDKIT, BOTH }

  /** One variant built with one builder. */
  public record Outcome(
      String fixture,
      String variant,
      String builder,
      boolean production,
      Optional<String> imageId,
      long sizeBytes,
      long buildMillis,
      Optional<SmokeCheck.Result> smoke,
      Optional<String> failure,
      List<String> logTail,
      Optional<String> skipped) {
    public boolean failed() {
      return failure.isPresent() || smoke.map(s -> !s.passed()).orElse(false);
    }
  }

  private final Engine engine;
  private final Profile profile;
  private final String runId;
  private final Consumer<String> progress;

  public FixtureCheck(Engine engine, Profile profile, String runId, Consumer<String> progress) {
    this.engine = engine;
    this.profile = profile;
    this.runId = runId;
    this.progress = progress;
  }

  /** The builders to run {@code v} with under {@code choice}; empty with a reason when none fits. */
  static List<BuilderKind> builders(Fixture.Variant v, BuilderChoice choice) {
    return switch (choice) {
      case AUTO -> List.of(v.supports(BuilderKind.CLASSIC) ? BuilderKind.CLASSIC : BuilderKind.BUILDKIT);
      case CLASSIC -> v.supports(BuilderKind.CLASSIC) ? List.of(BuilderKind.CLASSIC) : List.of();
      case BUILDKIT -> v.supports(BuilderKind.BUILDKIT) ? List.of(BuilderKind.BUILDKIT) : List.of();
      case BOTH -> v.builders();
    };
  }

  /**
   * Checks the fixtures. A failed variant is recorded and the check goes on.
   *
   * @throws StagebenchException when the engine goes away or a base image is missing
   */
  public List<Outcome> run(List<Fixture> fixtures, Optional<Set<String>> variantNames, BuilderChoice choice)
      throws StagebenchException {
    Profiles.ensurePresent(engine, profile, new RunScope(runId, profile).baseImagesUsedBy(fixtures), progress);
    List<Outcome> out = new ArrayList<>();
    for (Fixture f : fixtures) {
      for (Fixture.Variant v : f.variants()) {
        if (variantNames.isPresent() && !variantNames.get().contains(v.name())) {
          continue;
        }
        List<BuilderKind> builders = builders(v, choice).stream()
            .map(b -> Builders.actual(engine.kind(), b)).distinct().toList();
        if (choice == BuilderChoice.AUTO && engine.kind() == EngineKind.PODMAN) {
          builders = List.of(BuilderKind.BUILDAH); // Buildah builds what either declared builder builds
        }
        if (builders.isEmpty()) {
          out.add(skip(f, v, choice.name().toLowerCase(Locale.ROOT), "needs " + v.buildersText()));
          continue;
        }
        for (BuilderKind b : builders) {
          String unavailable = Builders.unavailable(engine.kind(), b);
          out.add(unavailable != null ? skip(f, v, b.id(), unavailable) : check(f, v, b));
        }
      }
    }
    return out;
  }

  private Outcome skip(Fixture f, Fixture.Variant v, String builder, String why) {
    progress.accept(f.name() + "/" + v.name() + " [" + builder + "]: skipped, " + why);
    return new Outcome(f.name(), v.name(), builder, v.production(), Optional.empty(), 0, 0,
        Optional.empty(), Optional.empty(), List.of(), Optional.of(why));
  }

  private Outcome check(Fixture f, Fixture.Variant v, BuilderKind builder) throws StagebenchException {
    progress.accept(f.name() + "/" + v.name() + " [" + builder.id() + "]: building " + v.dockerfile()
        + v.target().map(t -> " --target " + t).orElse(""));
    BuildRequest req = new RunScope(runId, profile).request(f, v, builder, f.dir(), false);
    BuildResult r;
    try {
      r = Builders.of(engine, builder).build(req);
    } catch (UnsupportedBuildException e) {
      return skip(f, v, builder.id(), e.getMessage());
    } catch (BuildFailedException e) {
      Secrets secrets = Secrets.of(v.buildArgs());
      String why = secrets.scrub(e.getMessage());
      progress.accept(f.name() + "/" + v.name() + " [" + builder + "]: BUILD FAILED: " + why);
      return new Outcome(f.name(), v.name(), builder.id(), v.production(), Optional.empty(), 0, 0,
          Optional.empty(), Optional.of(why), secrets.scrub(e.logTail()), Optional.empty());
    }
    ImageInfo img = BaseImages.inspect(engine, r.imageId()).orElseThrow(
        () -> new EngineException("the image " + r.imageId() + " just built is gone"));
    long size = ImageSizes.measure(engine, img.id(), false).uncompressedBytes();
    SmokeCheck.Result smoke = new SmokeCheck(engine, runId).run(img.id(), f.smoke());
    progress.accept(f.name() + "/" + v.name() + " [" + builder + "]: " + Units.bytes(size) + " in "
        + Units.millis(r.wallMillis()) + ", smoke " + (smoke.passed() ? "passed" : "FAILED: " + smoke.detail()));
    return new Outcome(f.name(), v.name(), builder.id(), v.production(), Optional.of(img.id()), size, r.wallMillis(),
        Optional.of(smoke), Optional.empty(), smoke.passed() ? List.of() : List.of(smoke.detail()), Optional.empty());
  }
}
