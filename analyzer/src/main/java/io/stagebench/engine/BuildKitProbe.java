package io.stagebench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Tells whether BuildKit builds work through the Engine API without a client session: builds a
 * one-label image from scratch with {@code POST /build?version=2} and removes it again.
 */
final class BuildKitProbe {
  private final Engine engine;

  BuildKitProbe(Engine engine) {
    this.engine = engine;
  }

  record Result(boolean works, String detail) {}

  Result run() {
    String runId = "probe-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("version", "2");
    q.put("rm", "1");
    q.put("labels", EngineHttp.json(Map.of(Labels.RUN, runId)));
    AtomicReference<String> imageId = new AtomicReference<>();
    AtomicReference<String> error = new AtomicReference<>();
    try {
      engine
          .http()
          .stream(
              "POST",
              "/build" + EngineHttp.query(q),
              Map.of("Content-Type", "application/x-tar"),
              new ByteArrayInputStream(context(runId)),
              m -> {
                JsonNode aux = m.path("aux");
                if ("moby.image.id".equals(m.path("id").asText()) && aux.has("ID")) {
                  imageId.set(aux.get("ID").asText());
                }
                if (m.has("error")) {
                  error.set(m.get("error").asText());
                }
              });
    } catch (EngineException e) {
      return new Result(false, e.getMessage());
    }
    if (imageId.get() == null) {
      return new Result(false, error.get() == null ? "the build gave no image" : error.get());
    }
    try {
      engine.client().removeImageCmd(imageId.get()).withForce(true).exec();
    } catch (RuntimeException e) {
      return new Result(true, "built, but could not remove probe image " + imageId.get());
    }
    return new Result(true, "POST /build?version=2 works");
  }

  private static byte[] context(String runId) {
    byte[] dockerfile =
        ("FROM scratch\nLABEL io.stagebench.probe=\"" + runId + "\"\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry e = new TarArchiveEntry("Dockerfile");
      e.setSize(dockerfile.length);
      tar.putArchiveEntry(e);
      tar.write(dockerfile);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new IllegalStateException("in-memory tar failed", e);
    }
    return out.toByteArray();
  }
}
