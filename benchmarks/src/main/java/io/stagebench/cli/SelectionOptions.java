package io.stagebench.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that choose fixtures, variants and the base-image profile; shared by {@code bench} and {@code fixtures check}. */
final class SelectionOptions {
  @Mixin FixturesDirOption dirs;

  @Option(names = "--variants", split = ",", paramLabel = "NAME", description = "Only these variants.")
  List<String> variants;

  @Option(names = "--profile", defaultValue = "auto", paramLabel = "P",
      description = "Base images: auto, hub or offline (default: ${DEFAULT-VALUE}).")
  String profile;

  /** The variant names given, or empty for all. */
  Optional<Set<String>> variantNames() {
    return Optional.ofNullable(variants).map(LinkedHashSet::new);
  }
}
