package io.stagebench.run;

import io.stagebench.StagebenchException;
import io.stagebench.Units;
import io.stagebench.engine.BuildRequest;
import io.stagebench.engine.BuilderKind;
import io.stagebench.engine.Builders;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The engine's own speed, measured in every run: a fixed build ({@code FROM scratch}, two
 * {@code COPY} steps of a 4 MiB incompressible file, no cache) per builder, so that an engine or
 * store that is slower for every build (the classic builder on the containerd image store commits
 * each step to compressed content) shows as an engine property in the report, not as a fixture
 * result. It needs no base image and no network. The best of {@link #SAMPLES} builds is kept.
 */
public final class EngineCalibration {
  static final int SAMPLES = 2;
  static final int FILE_BYTES = 4 << 20;
  /** What is built, for the report and the summary. */
  public static final String DESCRIPTION = "FROM scratch + 2 x COPY of 4 MiB, no cache, best of " + SAMPLES;

  private EngineCalibration() {}

  /**
   * Times the probe build with each builder; a builder whose probe fails is left out (its line says
   * why). The probe images carry the run's label, so the run's cleanup removes them.
   *
   * @return milliseconds per builder ID, in the order given
   */
  public static Map<String, Long> measure(Engine engine, List<BuilderKind> builders, String runId, Path work,
      Consumer<String> line) throws InterruptedException {
    Map<String, Long> out = new LinkedHashMap<>();
    Path ctx = work.resolve("calibration");
    try {
      Files.createDirectories(ctx);
      byte[] blob = new byte[FILE_BYTES];
      new Random(20261207L).nextBytes(blob);
      Files.write(ctx.resolve("blob"), blob);
      Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY blob /a\nCOPY blob /b\n");
    } catch (IOException e) {
      line.accept("engine calibration skipped: cannot write its context: " + e.getMessage());
      return out;
    }
    for (BuilderKind b : builders) {
      if (Builders.unavailable(engine.kind(), b) != null) {
        continue;
      }
      List<Long> samples = new ArrayList<>();
      try {
        for (int i = 0; i < SAMPLES; i++) {
          if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
          }
          long t0 = System.nanoTime();
          String id = Builders.of(engine, b).build(new BuildRequest(ctx, "Dockerfile", Optional.empty(), Map.of(),
              Map.of(Labels.RUN, runId), Set.of(RunIds.tag(runId, "calibration", "probe", b.id())), true)).imageId();
          samples.add((System.nanoTime() - t0) / 1_000_000);
          drop(engine, id);
        }
        out.put(b.id(), samples.stream().mapToLong(Long::longValue).min().orElseThrow());
      } catch (StagebenchException e) {
        line.accept("engine calibration with " + b + " failed, left out: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    if (!out.isEmpty()) {
      StringBuilder sb = new StringBuilder("engine calibration (" + DESCRIPTION + "):");
      out.forEach((b, ms) -> sb.append(' ').append(b).append(' ').append(Units.millis(ms)));
      line.accept(sb.toString());
    }
    return out;
  }

  /**
   * Removes a probe image with the parents only it had (a no-cache build: the classic builder's
   * intermediate images are its own), so calibration leaves nothing behind, not even untagged layers.
   */
  private static void drop(Engine engine, String imageId) {
    try {
      engine.images().remove(imageId, true, true);
    } catch (EngineException e) {
      // left to the run's cleanup, which removes what carries the run's label
    }
  }
}
