package io.stagebench.run;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import io.stagebench.bases.Profile;
import io.stagebench.bases.Profiles;
import io.stagebench.engine.BuildRequest;
import io.stagebench.engine.BuilderKind;
import io.stagebench.engine.Labels;
import io.stagebench.fixture.Edits;
import io.stagebench.fixture.Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every build of a run shares: its ID (the label and tags that clean-up finds) and the
 * profile's base images. The runner and the JMH scenario driver build through it, so both time
 * the same builds.
 */
public record RunScope(String runId, Profile profile) {
  /** The build request of a unit: profile then variant build args, the run label, the run's tag. */
  public BuildRequest request(Fixture f, Fixture.Variant v, BuilderKind builder, Path context, boolean noCache) {
    Map<String, String> args = new LinkedHashMap<>(profile.buildArgs());
    args.putAll(v.buildArgs());
    return new BuildRequest(context, v.dockerfile(), v.target(), args,
        Map.of(Labels.RUN, runId), Set.of(RunIds.tag(runId, f.name(), v.name(), builder.id())), noCache);
  }

  /** An edit value unique per run, unit and repetition: variants sharing steps must not share cache. */
  public String editValue(Fixture.Variant v, BuilderKind builder, Scenario s, int rep) {
    return runId + "-" + v.name() + "-" + builder.id() + "-" + s.id() + "-" + rep;
  }

  /** Every base image of the profile that the fixtures' variants use. */
  public Set<String> baseImagesUsedBy(List<Fixture> fixtures) throws StagebenchException {
    Set<String> out = new LinkedHashSet<>();
    for (Fixture f : fixtures) {
      for (Fixture.Variant v : f.variants()) {
        out.addAll(Profiles.imagesUsedBy(profile, f.dir().resolve(v.dockerfile())));
      }
    }
    return out;
  }

  /**
   * A copy of the unit's fixture under {@code workDir} for the edits of scenario {@code s}.
   *
   * @throws StagebenchException (environment) when it cannot be copied
   */
  static Path editCopy(Path workDir, Fixture f, Fixture.Variant v, BuilderKind builder, Scenario s) throws StagebenchException {
    Path copy = workDir.resolve(f.name() + "-" + v.name() + "-" + builder.id() + "-" + s.id());
    try {
      Edits.copyTree(f.dir(), copy);
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot copy " + f.name() + " to a temporary directory: " + e.getMessage());
    }
    return copy;
  }
}
