package io.stagebench.image;

import static org.assertj.core.api.Assertions.assertThat;

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
}
