package io.stagebench.engine;

import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The classic (pre-BuildKit) builder through docker-java's {@code buildImageCmd}. */
public final class ClassicBuilder {
  /** Build output goes to its own logger so users can turn it up without the rest. */
  private static final Logger BUILD_LOG = LoggerFactory.getLogger("io.stagebench.build");
  private static final Pattern STEP = Pattern.compile("^Step \\d+/\\d+ : .*");

  private final Engine engine;

  public ClassicBuilder(Engine engine) {
    this.engine = engine;
  }

  /**
   * Builds the image.
   *
   * @throws BuildFailedException when the Dockerfile fails to build (with the log tail)
   * @throws EngineException when the engine cannot be reached
   */
  public BuildResult build(BuildRequest req) throws BuildFailedException, EngineException {
    LogTail tail = new LogTail(40);
    AtomicInteger steps = new AtomicInteger();
    AtomicInteger cached = new AtomicInteger();
    BuildImageCmd cmd =
        engine
            .client()
            .buildImageCmd()
            .withBaseDirectory(req.contextDir().toFile())
            .withDockerfile(req.contextDir().resolve(req.dockerfile()).toFile())
            .withTags(req.tags())
            .withLabels(req.labels())
            .withNoCache(req.noCache())
            .withPull(false)
            .withRemove(true)
            .withForcerm(true);
    req.target().ifPresent(cmd::withTarget);
    req.buildArgs().forEach(cmd::withBuildArg);
    long start = System.nanoTime();
    BuildImageResultCallback callback =
        new BuildImageResultCallback() {
          @Override
          public void onNext(BuildResponseItem item) {
            String s = item.getStream();
            if (s != null) {
              tail.append(s);
              String line = s.strip();
              if (STEP.matcher(line).matches()) {
                steps.incrementAndGet();
              } else if (line.equals("---> Using cache")) {
                cached.incrementAndGet();
              }
              if (!line.isEmpty()) {
                BUILD_LOG.debug(line);
              }
            }
            if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
              tail.append(item.getErrorDetail().getMessage() + "\n");
            }
            super.onNext(item);
          }
        };
    String imageId;
    try {
      imageId = cmd.exec(callback).awaitImageId();
    } catch (DockerClientException e) {
      throw new BuildFailedException(
          "build of " + req.dockerfile() + " failed: " + Engine.rootMessage(e), tail.lines());
    } catch (DockerException e) {
      if (e.getHttpStatus() >= 400 && e.getHttpStatus() < 500) {
        throw new BuildFailedException(
            "the engine refused the build of " + req.dockerfile() + ": " + Engine.rootMessage(e), tail.lines());
      }
      throw engine.unreachable("build", e);
    } catch (RuntimeException e) {
      throw engine.unreachable("build", e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new BuildResult(imageId, millis, steps.get(), cached.get(), tail.lines());
  }
}
