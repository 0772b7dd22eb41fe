package io.stagebench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BuildKit through the Engine API: {@code POST /build?version=2} with the context tar of
 * {@link BuildContext}, sent through docker-java's {@code DockerHttpClient} ({@link EngineHttp}),
 * since docker-java has no BuildKit command. The {@code moby.buildkit.trace} messages are decoded
 * ({@link BuildKitTraceDecoder}) into steps: a vertex named {@code [stage N/M] KEYWORD ...} for a
 * filesystem instruction is a step, cached when BuildKit says so, else executed; internal vertexes
 * ({@code [internal] load ...}, the context transfer, {@code FROM}, exporting) are not steps.
 */
public final class BuildKitBuilder implements Builder {
  private static final Logger BUILD_LOG = LoggerFactory.getLogger("io.stagebench.build");
  private static final Pattern STEP = Pattern.compile("^\\[(?!internal\\])[^\\]]*\\d+/\\d+\\] (\\S+).*", Pattern.DOTALL);

  private final Engine engine;
  private final InFlightBuild inFlight = new InFlightBuild();

  public BuildKitBuilder(Engine engine) {
    this.engine = engine;
  }

  @Override
  public String name() {
    return "buildkit";
  }

  @Override
  public void cancel() {
    inFlight.cancel();
  }

  /** Collects vertex updates by digest and turns them into steps. */
  static final class Trace {
    private final Map<String, BuildKitTraceDecoder.Vertex> vertexes = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    /** Applies one status message; returns the log lines it carried, prefixed by vertex name. */
    List<String> apply(BuildKitTraceDecoder.Status s) {
      List<String> lines = new ArrayList<>();
      for (BuildKitTraceDecoder.Vertex v : s.vertexes()) {
        BuildKitTraceDecoder.Vertex old = vertexes.get(v.digest());
        if (old == null) {
          lines.add("#" + (names.size() + 1) + " " + v.name());
          names.put(v.digest(), "#" + (names.size() + 1));
        }
        long started = old != null && old.startedNanos() >= 0 && (v.startedNanos() < 0 || old.startedNanos() < v.startedNanos())
            ? old.startedNanos() : v.startedNanos();
        vertexes.put(v.digest(), new BuildKitTraceDecoder.Vertex(v.digest(), v.inputs(),
            v.name().isEmpty() && old != null ? old.name() : v.name(),
            v.cached() || (old != null && old.cached()), started,
            v.completedNanos() >= 0 ? v.completedNanos() : old == null ? -1 : old.completedNanos(),
            v.error().isEmpty() && old != null ? old.error() : v.error()));
        if (!v.error().isEmpty()) {
          lines.add(names.get(v.digest()) + " ERROR: " + v.error());
        }
      }
      for (BuildKitTraceDecoder.Log l : s.logs()) {
        String prefix = names.getOrDefault(l.vertex(), "#?");
        for (String line : l.msg().split("\n")) {
          if (!line.isBlank()) {
            lines.add(prefix + " " + line);
          }
        }
      }
      return lines;
    }

    List<BuildStep> steps() {
      List<BuildKitTraceDecoder.Vertex> done = new ArrayList<>();
      for (BuildKitTraceDecoder.Vertex v : vertexes.values()) {
        Matcher m = STEP.matcher(v.name());
        if (m.matches() && BuildStep.isStep(m.group(1)) && (v.completedNanos() >= 0 || v.cached())) {
          done.add(v);
        }
      }
      done.sort(Comparator.comparingLong(BuildKitTraceDecoder.Vertex::completedNanos));
      List<BuildStep> steps = new ArrayList<>();
      for (BuildKitTraceDecoder.Vertex v : done) {
        long ms = v.startedNanos() >= 0 && v.completedNanos() >= v.startedNanos()
            ? (v.completedNanos() - v.startedNanos()) / 1_000_000 : 0;
        steps.add(new BuildStep(v.name(), ms, v.cached() ? BuildStep.Status.CACHED : BuildStep.Status.EXECUTED));
      }
      return steps;
    }
  }

  @Override
  public BuildResult build(BuildRequest req) throws BuildFailedException, EngineException {
    BuildSupport.check(req, "buildkit");
    inFlight.start();
    long start = System.nanoTime();
    LogTail tail = new LogTail(40);
    Trace trace = new Trace();
    StringBuilder error = new StringBuilder();
    String[] imageId = new String[1];
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("version", "2");
    q.put("dockerfile", req.dockerfile());
    q.put("t", new ArrayList<>(new TreeSet<>(req.tags())));
    req.target().ifPresent(t -> q.put("target", t));
    if (!req.buildArgs().isEmpty()) {
      q.put("buildargs", EngineHttp.json(req.buildArgs()));
    }
    if (!req.labels().isEmpty()) {
      q.put("labels", EngineHttp.json(req.labels()));
    }
    if (req.noCache()) {
      q.put("nocache", "1");
    }
    q.put("rm", "1");
    q.put("forcerm", "1");
    BuildContext ctx = BuildContext.packFor(req);
    try (ctx; InputStream body = ctx.open()) {
      ctx.warnings().forEach(BUILD_LOG::warn);
      engine.http().stream("POST", "/build" + EngineHttp.query(q),
          Map.of("Content-Type", "application/x-tar"), body,
          m -> onMessage(m, trace, tail, error, imageId), inFlight::track);
    } catch (EngineException e) {
      inFlight.failIfCancelled(req.dockerfile(), tail.lines());
      if (e.getMessage() != null && e.getMessage().contains("failed with HTTP 4")) {
        throw new BuildFailedException("the engine refused the build of " + req.dockerfile() + ": "
            + e.getMessage(), tail.lines());
      }
      throw e;
    } catch (IOException e) {
      throw new BuildFailedException("cannot read the packed build context: " + e.getMessage(), tail.lines());
    } finally {
      inFlight.finish();
    }
    inFlight.failIfCancelled(req.dockerfile(), tail.lines());
    if (error.length() > 0) {
      throw new BuildFailedException("build of " + req.dockerfile() + " failed: " + error, tail.lines());
    }
    if (imageId[0] == null) {
      throw new BuildFailedException("build of " + req.dockerfile() + " gave no image ID", tail.lines());
    }
    long end = System.nanoTime();
    return BuildResult.of(imageId[0], (end - start) / 1_000_000, trace.steps(), ctx.bytes(), tail.lines(),
        ctx.warnings());
  }

  private static void onMessage(JsonNode m, Trace trace, LogTail tail, StringBuilder error, String[] imageId) {
    String id = m.path("id").asText("");
    JsonNode aux = m.path("aux");
    if (id.equals("moby.buildkit.trace") && aux.isTextual()) {
      try {
        for (String line : trace.apply(BuildKitTraceDecoder.decodeBase64(aux.asText()))) {
          tail.append(line + "\n");
          BUILD_LOG.debug(line);
        }
      } catch (IllegalArgumentException e) {
        BUILD_LOG.debug("undecodable BuildKit trace message: {}", e.getMessage());
      }
    } else if (id.equals("moby.image.id") && aux.has("ID")) {
      imageId[0] = aux.get("ID").asText();
    }
    if (m.hasNonNull("stream")) {
      tail.append(m.get("stream").asText());
    }
    String err = m.path("errorDetail").path("message").asText(m.path("error").asText(""));
    if (!err.isEmpty() && error.length() == 0) {
      error.append(err.strip());
      tail.append(err + "\n");
    }
  }
}
