package io.stagebench.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json} of the commands that print a result either way (analyze, diff). */
final class TextOrJson {
  enum Format { text, json }

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  boolean json() {
    return format == Format.json;
  }
}
