package io.stagebench.lint.rules;

import io.stagebench.lint.Rule;
import java.util.List;
import java.util.Optional;

/** Every built-in rule, in ID order. */
public final class Rules {
  private static final List<Rule> ALL = List.of(
      new ParseError(),
      new RelativeWorkdir(),
      new LastUserRoot(),
      new CdInRun(),
      new UntaggedImage(),
      new LatestTag(),
      new AptListsLeft(),
      new AptGetYes(),
      new AptNoRecommends(),
      new ApkNoCache(),
      new AddForCopy(),
      new CopyFromUnknown(),
      new CopyFromSelf(),
      new DuplicateStageName(),
      new JsonCmd(),
      new AptNotAptGet(),
      new YumClean(),
      new ZypperClean(),
      new DnfClean(),
      new PipCacheDir(),
      new UseraddLog(),
      new ConsecutiveRun(),
      new YarnCacheClean(),
      new Maintainer(),
      new Pipefail(),
      new ToolchainInFinal(),
      new SourcesBeforeDeps(),
      new NpmInstallNotCi(),
      new DevDepsInFinal(),
      new LateCleanup(),
      new RecursiveChown(),
      new UnusedStage(),
      new CopyFromIndex(),
      new UnnamedStageReferenced(),
      new CgoIntoScratch(),
      new CacheMount(),
      new DockerignoreLeaks(),
      new ImplicitRoot());

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }

  /** The rule with this ID, any case. */
  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
  }
}
