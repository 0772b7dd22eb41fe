package io.stagebench.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagebench.dockerfile.DockerfileParser;
import io.stagebench.dockerfile.StageGraph;
import io.stagebench.engine.BuildRequest;
import io.stagebench.engine.ClassicBuilder;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import io.stagebench.engine.HistoryEntry;
import io.stagebench.engine.ImageStore;
import io.stagebench.engine.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds small images on the real engine, streams them back through the save endpoint and checks the
 * numbers against the engine's own (history sizes, image Size) and against hand-computed waste.
 */
class ImageAnalyzeIT {
  static final String RUN = "image-it-" + ProcessHandle.current().pid();
  static final String WASTE = "sbdev-image/waste:" + RUN;
  static final String SCRATCH = "sbdev-image/scratch-dyn:" + RUN;
  static Engine engine;
  static final String WASTE_DF = String.join("\n",
      "FROM stagebench/debian:bookworm-minbase",
      "RUN head -c 300000 /dev/urandom > /big && mkdir -p /root/.npm/_cacache && head -c 50000 /dev/urandom > /root/.npm/_cacache/blob && ln -s /big /big.link",
      "ENV X=1",
      "RUN rm /big",
      "RUN mkdir -p /work/.git && head -c 12345 /dev/urandom > /work/.git/pack",
      "");

  @BeforeAll
  static void build(@TempDir Path dir) throws Exception {
    engine = Engine.connect();
    Files.writeString(dir.resolve("Dockerfile.waste"), WASTE_DF);
    Files.writeString(dir.resolve("Dockerfile.scratch"), String.join("\n",
        "FROM stagebench/static:bookworm",
        "COPY --from=stagebench/debian:bookworm-minbase /usr/bin/true /app",
        ""));
    ClassicBuilder b = new ClassicBuilder(engine);
    Map<String, String> labels = Map.of(Labels.RUN, RUN);
    b.build(new BuildRequest(dir, "Dockerfile.waste", Optional.empty(), Map.of(), labels, Set.of(WASTE), false));
    b.build(new BuildRequest(dir, "Dockerfile.scratch", Optional.empty(), Map.of(), labels, Set.of(SCRATCH), false));
  }

  @AfterAll
  static void cleanup() {
    if (engine != null) {
      for (String t : List.of(WASTE, SCRATCH)) {
        try {
          engine.images().remove(t, true, true);
        } catch (EngineException ignored) {
          // left for the run's cleanup
        }
      }
      engine.close();
    }
  }

  /** The engine's per-layer sizes: /images/{name}/history oldest first, empty-layer entries dropped. */
  static List<Long> historySizes(String name, ImageArchive img) throws Exception {
    List<HistoryEntry> oldestFirst = new ArrayList<>(engine.images().history(name));
    Collections.reverse(oldestFirst);
    List<JsonNode> cfg = new ArrayList<>();
    img.config().path("history").forEach(cfg::add);
    assertThat(oldestFirst).hasSameSizeAs(cfg);
    List<Long> sizes = new ArrayList<>();
    for (int i = 0; i < cfg.size(); i++) {
      if (!cfg.get(i).path("empty_layer").asBoolean(false)) {
        sizes.add(oldestFirst.get(i).sizeBytes());
      }
    }
    return sizes;
  }

  @Test
  void sizesMatchTheEngineAndWasteIsHandComputed() throws Exception {
    ImageArchive img = ImageSource.fromEngine(engine, WASTE, true);
    if (engine.imageStore() == ImageStore.GRAPH_DRIVER) {
      // only a graph driver's Size and history sizes count the layers' file bytes (see ImageStore)
      long engineSize = engine.images().inspect(WASTE).orElseThrow().sizeBytes();
      assertThat(img.size()).isEqualTo(engineSize);
      assertThat(img.layers()).extracting(Layer::size).containsExactlyElementsOf(historySizes(WASTE, img));
    }
    assertThat(img.layers()).hasSize(4);
    assertThat(img.layers().get(1).createdBy()).contains("head -c 300000");
    assertThat(img.layers().get(2).createdBy()).contains("rm /big");
    // layer 2: 300000 + 50000 + the symlink's 4 target bytes
    assertThat(img.layers().get(1).size()).isEqualTo(350004);

    ImageReport r = ImageAnalyzer.analyze(WASTE, img, 5);
    assertThat(r.dive().wastedBytes()).isEqualTo(300000);
    assertThat(r.image().recoverableBytes()).isEqualTo(300000);
    assertThat(r.dive().userSizeBytes()).isEqualTo(300000 + 50000 + 12345);
    assertThat(r.residue()).anySatisfy(i -> {
      assertThat(i.path()).isEqualTo("/root/.npm");
      assertThat(i.bytes()).isEqualTo(50000);
      assertThat(i.layer()).isEqualTo(1);
    });
    assertThat(r.residue()).anySatisfy(i -> {
      assertThat(i.path()).isEqualTo("/work/.git");
      assertThat(i.bytes()).isEqualTo(12345);
      assertThat(i.layer()).isEqualTo(3);
    });
    assertThat(r.binaries().problems()).isEmpty();
    assertThat(r.binaries().dynamic()).isGreaterThan(100);
  }

  @Test
  void dynamicBinaryInScratchCannotStart() throws Exception {
    ImageArchive img = ImageSource.fromEngine(engine, SCRATCH, false);
    if (engine.imageStore() == ImageStore.GRAPH_DRIVER) {
      assertThat(img.size()).isEqualTo(engine.images().inspect(SCRATCH).orElseThrow().sizeBytes());
      assertThat(img.layers()).extracting(Layer::size).containsExactlyElementsOf(historySizes(SCRATCH, img));
    }
    ImageReport r = ImageAnalyzer.analyze(SCRATCH, img, 5);
    assertThat(r.binaries().problems()).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("/app");
      assertThat(p.missingInterpreter()).isEqualTo("/lib64/ld-linux-x86-64.so.2");
      assertThat(p.missingLibraries()).contains("libc.so.6");
    });
    assertThat(r.recommendations()).anySatisfy(rec -> assertThat(rec.rule()).isEqualTo("SB010"));
  }

  @Test
  void theDockerfileTiesEachLayerToItsLineAndTheBaseLayersToTheBase() throws Exception {
    ImageReport r = ImageAnalyzer.analyze(WASTE, ImageSource.fromEngine(engine, WASTE, false), 5);
    StageGraph g = StageGraph.resolve(
        DockerfileParser.parse(WASTE_DF));
    DockerfileAttribution a = DockerfileAttribution.of("Dockerfile.waste", r, g, List.of());
    assertThat(a.layers().stream().map(l -> l.origin() + "@" + l.line()).toList())
        .containsExactly("base@null", "final@2", "final@4", "final@5");
    long base = r.layers().get(0).sizeBytes();
    assertThat(a.bytesByOrigin()).containsEntry("base", base)
        .containsEntry("final", r.image().sizeBytes() - base);
  }
}
