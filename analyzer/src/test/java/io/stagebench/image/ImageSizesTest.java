package io.stagebench.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSizesTest {
  private static LayerScan scan(String compression, long archive, long gzip, long size) {
    return new LayerScan("sha256:b", "sha256:d", compression, archive, archive, gzip, size, 1, 0, 0, 0, 0, List.of());
  }

  @Test
  void storedCompressedBlobsAreExactAndPlainTarsAreEstimated() {
    ImageSizes stored = ImageSizes.of(List.of(scan("gzip", 400, -1, 1000), scan("zstd", 50, -1, 300)), 450);
    assertThat(stored.uncompressedBytes()).isEqualTo(1300);
    assertThat(stored.compressedBytes()).hasValue(450);
    assertThat(stored.compressedSource()).isEqualTo(ImageSizes.Compressed.STORED_BLOBS);
    assertThat(stored.engineSizeBytes()).isEqualTo(450);

    ImageSizes plain = ImageSizes.of(List.of(scan("none", 1536, 420, 1000), scan("none", 1024, 90, 300)), 1300);
    assertThat(plain.uncompressedBytes()).isEqualTo(1300);
    assertThat(plain.compressedBytes()).hasValue(510);
    assertThat(plain.compressedSource()).isEqualTo(ImageSizes.Compressed.GZIP_ESTIMATE);

    ImageSizes mixed = ImageSizes.of(List.of(scan("gzip", 400, -1, 1000), scan("none", 1024, 90, 300)), -1);
    assertThat(mixed.compressedBytes()).hasValue(490);
    assertThat(mixed.compressedSource()).isEqualTo(ImageSizes.Compressed.MIXED);
  }

  @Test
  void withoutTheGzipPassTheCompressedSizeOfPlainTarsIsUnknown() {
    ImageSizes s = ImageSizes.of(List.of(scan("none", 1536, -1, 1000)), 1000);
    assertThat(s.uncompressedBytes()).isEqualTo(1000);
    assertThat(s.compressedBytes()).isEmpty();
    assertThat(s.compressedSource()).isEqualTo(ImageSizes.Compressed.NONE);
  }

  @Test
  void historySizesFollowTheConfigHistoryWithEmptyLayersAsZero() throws Exception {
    JsonNode config = new ObjectMapper().readTree(
        "{\"history\":[{\"created_by\":\"ADD rootfs\"},{\"created_by\":\"ENV A=1\",\"empty_layer\":true},"
            + "{\"created_by\":\"COPY app\"},{\"created_by\":\"CMD x\",\"empty_layer\":true}]}");
    List<Layer> layers = List.of(new Layer(0, "ADD rootfs", scan("none", 2048, -1, 1500)),
        new Layer(1, "COPY app", scan("gzip", 100, -1, 700)));
    ImageArchive img = new ImageArchive("docker", "sha256:c", List.of(), config, layers);
    assertThat(ImageSizes.of(img, 999).historySizes()).containsExactly(1500L, 0L, 700L, 0L);
    // a history that does not account for every layer gives no list (the engine's sizes are kept)
    ImageArchive short1 = new ImageArchive("docker", "sha256:c", List.of(),
        new ObjectMapper().readTree("{\"history\":[{\"created_by\":\"ADD\"}]}"), layers);
    assertThat(ImageSizes.of(short1, 999).historySizes()).isEmpty();
  }
}
