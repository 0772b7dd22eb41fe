package io.stagebench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.image.ArchiveReader;
import io.stagebench.image.ImageAnalyzer;
import io.stagebench.image.ImageReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive benchmark's input is a valid image in both layouts, with the work it claims to have. */
class SyntheticImageTest {
  @TempDir Path dir;

  @Test
  void bothLayoutsReadAsTheSameImageWithWasteResidueAndWhiteouts() throws Exception {
    ImageReport legacy = analyze(SyntheticImage.Layout.LEGACY);
    ImageReport oci = analyze(SyntheticImage.Layout.OCI);
    for (ImageReport r : new ImageReport[] {legacy, oci}) {
      assertThat(r.layers()).hasSize(6);
      assertThat(r.image().files()).isGreaterThan(500);
      assertThat(r.image().recoverableBytes()).isPositive();
      assertThat(r.dive().wastedBytes()).isPositive();
      assertThat(r.layers().stream().mapToInt(ImageReport.LayerRow::whiteouts).sum()).isPositive();
      assertThat(r.residue()).isNotEmpty();
    }
    assertThat(oci.image().format()).isNotEqualTo(legacy.image().format());
    assertThat(oci.image().finalTreeBytes()).isEqualTo(legacy.image().finalTreeBytes());
    assertThat(oci.layers()).extracting(ImageReport.LayerRow::diffId)
        .containsExactlyElementsOf(legacy.layers().stream().map(ImageReport.LayerRow::diffId).toList());
  }

  @Test
  void theSameSeedGivesTheSameBytes() throws Exception {
    Path a = dir.resolve("a.tar");
    Path b = dir.resolve("b.tar");
    SyntheticImage.write(a, SyntheticImage.Layout.OCI, 1 << 20, 300, 7L);
    SyntheticImage.write(b, SyntheticImage.Layout.OCI, 1 << 20, 300, 7L);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  private ImageReport analyze(SyntheticImage.Layout layout) throws Exception {
    Path archive = dir.resolve(layout + ".tar");
    SyntheticImage.write(archive, layout, 4 << 20, 1_000, 42L);
    return ImageAnalyzer.analyze("synthetic", ArchiveReader.read(archive, false), 10);
  }
}
