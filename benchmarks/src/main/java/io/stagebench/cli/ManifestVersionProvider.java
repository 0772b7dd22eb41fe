package io.stagebench.cli;

import io.stagebench.run.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest ({@code Implementation-Version}). */
public final class ManifestVersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"stagebench " + version()};
  }

  /** The tool version, or {@code dev} when not running from the packaged jar. */
  public static String version() {
    return ToolVersion.version();
  }
}
