package io.stagebench.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest ({@code Implementation-Version}). */
public final class ManifestVersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"stagebench " + version()};
  }

  /** The tool version, or {@code dev} when not running from the packaged jar. */
  public static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
