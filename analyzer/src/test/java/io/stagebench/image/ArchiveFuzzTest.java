package io.stagebench.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.StagebenchException;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mutated archives either parse or fail with a one-line StagebenchException; nothing else escapes. */
class ArchiveFuzzTest {
  @Test
  void mutatedArchivesParseOrFailCleanly() throws Exception {
    byte[] plain = Archives.legacy(List.of(ArchiveReaderTest.L1, ArchiveReaderTest.L2), ArchiveReaderTest.CREATED, false);
    byte[] oci = Archives.oci(List.of(ArchiveReaderTest.L1, ArchiveReaderTest.L2),
        List.of(Archives.gzip(ArchiveReaderTest.L1), Archives.zstd(ArchiveReaderTest.L2)), ArchiveReaderTest.CREATED);
    byte[] elfLayer = Archives.tar(List.of(Archives.E.file("app", ElfCheckTest.elf("/lib/ld.so", 2048))));
    byte[] elf = Archives.legacy(List.of(elfLayer), List.of("x"), true);
    Random rnd = new Random(5);
    int parsed = 0, failed = 0;
    long deadline = System.nanoTime() + 4_000_000_000L;
    for (int i = 0; i < 1500 && System.nanoTime() < deadline; i++) {
      byte[] base = i % 3 == 0 ? plain : i % 3 == 1 ? oci : elf;
      byte[] m = base.clone();
      switch (rnd.nextInt(4)) {
        case 0 -> { for (int k = 0, n = 1 + rnd.nextInt(8); k < n; k++) m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256); }
        case 1 -> m = Arrays.copyOf(m, rnd.nextInt(m.length));
        case 2 -> { int at = rnd.nextInt(m.length - 16); for (int k = 0; k < 12; k++) m[at + k] = (byte) '7'; }
        default -> { int at = 512 * rnd.nextInt(m.length / 512); m[at + 124 + rnd.nextInt(12)] = (byte) ('0' + rnd.nextInt(8)); }
      }
      try {
        ImageArchive img = new ArchiveReader("fuzz", true).readTar(new ByteArrayInputStream(m));
        ImageAnalyzer.analyze("fuzz", img, 3);
        parsed++;
      } catch (StagebenchException e) {
        assertThat(e.getMessage()).doesNotContain("\n").isNotBlank();
        failed++;
      }
    }
    assertThat(parsed + failed).isGreaterThan(100);
    assertThat(failed).isPositive();
  }
}
