package io.stagebench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import java.io.Closeable;
import java.io.IOException;

/** docker-java's unchecked exceptions as the engine package's checked ones. */
final class Failures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Failures() {}

  /**
   * {@code what} failed: a {@link RequestRefusedException} when the engine answered with an error,
   * else an {@link EngineException} (no answer, a broken stream, a client-side error).
   */
  static EngineException of(String what, RuntimeException e) {
    if (e instanceof DockerException d) {
      return new RequestRefusedException(what + ": " + engineMessage(d), d.getHttpStatus(), e);
    }
    return new EngineException(what + ": " + Engine.rootMessage(e), e);
  }

  /**
   * The engine's own words from docker-java's {@code Status 404: {"message":"No such image: x"}}:
   * the {@code message} of the JSON body when there is one, else the first line.
   */
  static String engineMessage(DockerException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().strip();
    String body = m.replaceFirst("^Status \\d+:\\s*", "");
    if (body.isEmpty()) {
      return "HTTP " + e.getHttpStatus();
    }
    if (body.startsWith("{")) {
      try {
        JsonNode n = JSON.readTree(body);
        if (n.hasNonNull("message")) {
          return oneLine(n.get("message").asText());
        }
      } catch (IOException notJson) {
        // fall through to the text
      }
    }
    return oneLine(m);
  }

  private static String oneLine(String s) {
    return s.lines().findFirst().orElse("").strip();
  }

  /** Closes a docker-java callback or stream whose outcome no longer matters. */
  static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      // nothing left to do with it
    }
  }

  /** An ID in the 12 characters the CLI shows. */
  static String shortId(String id) {
    String s = id.startsWith("sha256:") ? id.substring(7) : id;
    return s.length() > 12 ? s.substring(0, 12) : s;
  }
}
