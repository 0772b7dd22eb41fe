package io.stagebench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Which engine serves the Docker Engine API: Docker itself, or Podman's compatible service. */
public enum EngineKind {
  DOCKER("Docker"),
  PODMAN("Podman");

  private final String display;

  EngineKind(String display) {
    this.display = display;
  }

  /** The product name, as a user writes it. */
  public String display() {
    return display;
  }

  /** The lower-case name used in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the kind from a {@code GET /version} answer: Podman names itself among the components
   * ({@code "Podman Engine"}) and in the platform name; Docker names {@code "Engine"}.
   */
  public static EngineKind fromVersion(JsonNode version) {
    for (JsonNode c : version.path("Components")) {
      if (c.path("Name").asText("").toLowerCase(Locale.ROOT).contains("podman")) {
        return PODMAN;
      }
    }
    return version.path("Platform").path("Name").asText("").toLowerCase(Locale.ROOT).contains("podman") ? PODMAN : DOCKER;
  }
}
