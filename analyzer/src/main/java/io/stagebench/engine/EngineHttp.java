package io.stagebench.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Raw Engine API requests through docker-java's {@link DockerHttpClient}, for what docker-java has
 * no command for: BuildKit builds ({@code POST /build?version=2}), image import with changes, and
 * registry look-ups ({@code GET /distribution/...}). All of it lives here.
 */
final class EngineHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerHttpClient http;
  private final String prefix;

  /** @param prefix the API version path prefix ({@code /v1.41}), or empty for unversioned requests */
  EngineHttp(DockerHttpClient http, String prefix) {
    this.http = http;
    this.prefix = prefix;
  }

  /** A query string from ordered parameters; list values repeat the parameter. */
  public static String query(Map<String, ?> params) {
    StringJoiner q = new StringJoiner("&", "?", "");
    q.setEmptyValue("");
    params.forEach(
        (k, v) -> {
          if (v instanceof List<?> list) {
            list.forEach(item -> q.add(enc(k) + "=" + enc(String.valueOf(item))));
          } else if (v != null) {
            q.add(enc(k) + "=" + enc(String.valueOf(v)));
          }
        });
    return q.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** JSON for a query parameter the Engine API takes as JSON ({@code labels}, {@code buildargs}). */
  public static String json(Map<String, String> map) {
    try {
      return JSON.writeValueAsString(new LinkedHashMap<>(map));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends a request whose answer is a stream of JSON messages (build, import, pull) and hands each
   * message to {@code onMessage} as it arrives.
   *
   * @return the HTTP status
   * @throws EngineException when the engine cannot be reached, answers an HTTP error, or the stream
   *     breaks off
   */
  public int stream(
      String method, String pathAndQuery, Map<String, String> headers, InputStream body,
      Consumer<JsonNode> onMessage)
      throws EngineException {
    return stream(method, pathAndQuery, headers, body, onMessage, c -> { });
  }

  /**
   * Like {@link #stream(String, String, Map, InputStream, Consumer)}, and hands the open response to
   * {@code onOpen} so another thread can close it to stop the request (a build's cancel).
   */
  public int stream(
      String method, String pathAndQuery, Map<String, String> headers, InputStream body,
      Consumer<JsonNode> onMessage, Consumer<Closeable> onOpen)
      throws EngineException {
    Request.Builder b = Request.builder().method(method).path(prefix + pathAndQuery).headers(headers);
    if (body != null) {
      b.body(body);
    }
    try (DockerHttpClient.Response r = http.execute(b.build())) {
      onOpen.accept(r);
      int status = r.getStatusCode();
      if (status >= 400) {
        throw new EngineException(
            method + " " + pathOnly(pathAndQuery) + " failed with HTTP " + status + ": " + errorText(r.getBody()));
      }
      try (JsonParser p = JSON.getFactory().createParser(r.getBody());
          MappingIterator<JsonNode> it = JSON.readValues(p, JsonNode.class)) {
        while (it.hasNextValue()) {
          onMessage.accept(it.nextValue());
        }
      }
      return status;
    } catch (IOException | RuntimeException e) {
      if (e instanceof RuntimeException && Thread.currentThread().isInterrupted()) {
        throw new EngineException("interrupted during " + method + " " + pathOnly(pathAndQuery), e);
      }
      throw new EngineException(
          "the engine's answer to " + method + " " + pathOnly(pathAndQuery) + " broke off: "
              + Engine.rootMessage(e) + "; check that dockerd is still running",
          e);
    }
  }

  /**
   * A request whose answer is one JSON document.
   *
   * @return the status and the parsed body (a missing node when empty or not JSON)
   * @throws EngineException when the engine cannot be reached
   */
  public Answer call(String method, String pathAndQuery) throws EngineException {
    Request req = Request.builder().method(method).path(prefix + pathAndQuery).build();
    try (DockerHttpClient.Response r = http.execute(req)) {
      byte[] bytes = r.getBody().readAllBytes();
      JsonNode node;
      try {
        node = bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
      } catch (IOException notJson) {
        node = JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8).trim());
      }
      return new Answer(r.getStatusCode(), node);
    } catch (IOException | RuntimeException e) {
      throw new EngineException(
          "no answer to " + method + " " + pathOnly(pathAndQuery) + ": " + Engine.rootMessage(e), e);
    }
  }

  /** A status and a JSON body. */
  public record Answer(int status, JsonNode body) {
    /** The engine's error message ({@code {"message": ...}}) or the body as text. */
    public String message() {
      return body.has("message") ? body.get("message").asText() : body.toString();
    }
  }

  private static String errorText(InputStream body) {
    try {
      byte[] bytes = body.readNBytes(4096);
      String s = new String(bytes, StandardCharsets.UTF_8).trim();
      try {
        JsonNode n = JSON.readTree(s);
        if (n.has("message")) {
          return n.get("message").asText();
        }
      } catch (IOException notJson) {
        // fall through to the raw text
      }
      return s;
    } catch (IOException e) {
      return "(no body)";
    }
  }

  private static String pathOnly(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }
}
