package io.stagebench.engine;

import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic (pre-BuildKit) builder through docker-java's {@code buildImageCmd}, fed the exact
 * context tar of {@link BuildContext}. Steps come from its stream: a {@code Step N/M : KEYWORD ...}
 * line opens a step, which lasts until the next one or the end; a {@code ---> Using cache} line in
 * it marks it cached. Only filesystem instructions count as steps ({@link BuildStep}).
 */
public final class ClassicBuilder implements Builder {
  /** Build output goes to its own logger so users can turn it up without the rest. */
  private static final Logger BUILD_LOG = LoggerFactory.getLogger("io.stagebench.build");
  private static final Pattern STEP = Pattern.compile("^(?:\\[\\d+/\\d+\\] )?(?:Step|STEP) \\d+/\\d+ ?: (\\S+).*");

  private final Engine engine;
  private final InFlightBuild inFlight = new InFlightBuild();

  public ClassicBuilder(Engine engine) {
    this.engine = engine;
  }

  @Override
  public String name() {
    return engine.classicBuilder().id();
  }

  @Override
  public void cancel() {
    inFlight.cancel();
  }

  /** Turns the classic stream into steps as it arrives. */
  static final class StepParser {
    private final List<BuildStep> steps = new ArrayList<>();
    private String name;
    private boolean countable;
    private boolean cached;
    private long startNanos;

    void line(String line, long nowNanos) {
      Matcher m = STEP.matcher(line);
      if (m.matches()) {
        finish(nowNanos);
        name = line.substring(line.indexOf(':') + 1).strip();
        countable = BuildStep.isStep(m.group(1));
        cached = false;
        startNanos = nowNanos;
      } else if (line.equals("---> Using cache") || line.startsWith("--> Using cache")) {
        // Docker prints the first, Buildah (Podman) the second with the cached layer's ID
        cached = true;
      }
    }

    void finish(long nowNanos) {
      if (name != null && countable) {
        steps.add(new BuildStep(name, (nowNanos - startNanos) / 1_000_000,
            cached ? BuildStep.Status.CACHED : BuildStep.Status.EXECUTED));
      }
      name = null;
    }

    List<BuildStep> steps() {
      return steps;
    }
  }

  @Override
  public BuildResult build(BuildRequest req) throws BuildFailedException, EngineException {
    BuildSupport.check(req, name());
    inFlight.start();
    long start = System.nanoTime();
    LogTail tail = new LogTail(40);
    StepParser parser = new StepParser();
    BuildContext ctx = BuildContext.packFor(req);
    try (ctx; InputStream body = ctx.open()) {
      ctx.warnings().forEach(BUILD_LOG::warn);
      BuildImageCmd cmd =
          engine
              .client()
              .buildImageCmd()
              .withTarInputStream(body)
              .withDockerfilePath(req.dockerfile())
              .withTags(req.tags())
              .withLabels(req.labels())
              .withNoCache(req.noCache())
              .withPull(false)
              .withRemove(true)
              .withForcerm(true);
      req.target().ifPresent(cmd::withTarget);
      req.buildArgs().forEach(cmd::withBuildArg);
      BuildImageResultCallback callback =
          new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
              String s = item.getStream();
              if (s != null) {
                tail.append(s);
                long now = System.nanoTime();
                for (String l : s.split("\n")) {
                  String line = l.strip();
                  if (!line.isEmpty()) {
                    parser.line(line, now);
                    BUILD_LOG.debug(line);
                  }
                }
              }
              if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                tail.append(item.getErrorDetail().getMessage() + "\n");
              }
              super.onNext(item);
            }
          };
      inFlight.track(callback);
      String imageId;
      try {
        imageId = cmd.exec(callback).awaitImageId();
      } catch (DockerClientException e) {
        inFlight.failIfCancelled(req.dockerfile(), tail.lines());
        throw new BuildFailedException(
            "build of " + req.dockerfile() + " failed: " + Engine.rootMessage(e), tail.lines());
      } catch (DockerException e) {
        if (e.getHttpStatus() >= 400 && e.getHttpStatus() < 500) {
          throw new BuildFailedException(
              "the engine refused the build of " + req.dockerfile() + ": " + Engine.rootMessage(e), tail.lines());
        }
        throw engine.unreachable("build", e);
      } catch (RuntimeException e) {
        inFlight.failIfCancelled(req.dockerfile(), tail.lines());
        throw engine.unreachable("build", e);
      } finally {
        inFlight.finish();
      }
      long end = System.nanoTime();
      parser.finish(end);
      if (!imageId.startsWith("sha256:")) {
        // the stream names the image by its short ID; the rest of stagebench wants the full one
        try {
          imageId = engine.client().inspectImageCmd(imageId).exec().getId();
        } catch (RuntimeException e) {
          throw engine.unreachable("image inspect", e);
        }
      }
      return BuildResult.of(imageId, (end - start) / 1_000_000, parser.steps(), ctx.bytes(), tail.lines(),
          ctx.warnings());
    } catch (IOException e) {
      throw new BuildFailedException("cannot read the packed build context: " + e.getMessage(), tail.lines());
    }
  }
}
