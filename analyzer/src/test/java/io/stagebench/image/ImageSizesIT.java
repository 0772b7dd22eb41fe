package io.stagebench.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.BuildRequest;
import io.stagebench.engine.BuildResult;
import io.stagebench.engine.Builders;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import io.stagebench.engine.ImageStore;
import io.stagebench.engine.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uncompressed size is the same number on every engine and image store: an image FROM scratch
 * whose files are known to the byte measures exactly their bytes, whatever the engine's own
 * {@code Size} counts. Runs on the engine DOCKER_HOST names (scripts/engine-matrix runs it on each).
 */
class ImageSizesIT {
  static final String RUN = "it-sizes-" + UUID.randomUUID().toString().substring(0, 8);
  static Engine engine;

  @BeforeAll
  static void connect() throws Exception {
    engine = Engine.connect();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    EngineCleaner cleaner = new EngineCleaner(engine);
    assertThat(cleaner.remove(RUN::equals).failures()).isEmpty();
    engine.close();
  }

  @Test
  void uncompressedSizeIsTheFilesBytesOnEveryStore(@TempDir Path ctx) throws Exception {
    byte[] random = new byte[100_000];
    new Random(42).nextBytes(random); // incompressible, so the compressed size is near it
    Files.createDirectories(ctx.resolve("d"));
    Files.write(ctx.resolve("d/payload.bin"), random);
    Files.writeString(ctx.resolve("d/text.txt"), "a".repeat(3_000));
    Files.createSymbolicLink(ctx.resolve("d/link"), Path.of("payload.bin"));
    Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY d /d\n");
    BuildResult r = Builders.of(engine, engine.classicBuilder()).build(new BuildRequest(ctx, "Dockerfile",
        Optional.empty(), Map.of(), Map.of(Labels.RUN, RUN), Set.of("sbdev-sizes/it:" + RUN), true));

    ImageSizes sizes = ImageSizes.measure(engine, r.imageId(), true);
    long files = 100_000 + 3_000 + "payload.bin".length();
    assertThat(sizes.uncompressedBytes()).as("files + symlink target, on %s", engine.imageStore()).isEqualTo(files);
    assertThat(sizes.compressedBytes()).isPresent();
    assertThat(sizes.compressedBytes().getAsLong()).isBetween(100_000L, 110_000L);
    if (engine.imageStore() == ImageStore.GRAPH_DRIVER) {
      assertThat(sizes.engineSizeBytes()).as("a graph driver's Size is the uncompressed size").isEqualTo(files);
      assertThat(sizes.compressedSource()).isEqualTo(ImageSizes.Compressed.GZIP_ESTIMATE);
      // and it is taken from the engine without an export when the compressed size is not wanted
      assertThat(ImageSizes.measure(engine, r.imageId(), false).uncompressedBytes()).isEqualTo(files);
    }
    if (engine.imageStore() == ImageStore.CONTAINERD) {
      assertThat(sizes.compressedSource()).as("the containerd store exports its stored blobs")
          .isEqualTo(ImageSizes.Compressed.STORED_BLOBS);
    }
  }
}
