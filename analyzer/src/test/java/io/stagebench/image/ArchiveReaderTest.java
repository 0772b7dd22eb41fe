package io.stagebench.image;

import static io.stagebench.image.Archives.E;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stagebench.StagebenchException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {
  // layer 1: a/big 1000, a/keep 100, a/link -> keep (4), a/hard => a/keep, d/x 50, d/y 30, o/old 20
  static final byte[] L1 = Archives.tar(List.of(
      E.dir("a/"), E.file("a/big", 1000), E.file("a/keep", 100), E.sym("a/link", "keep"), E.hard("a/hard", "a/keep"),
      E.dir("d/"), E.file("d/x", 50), E.file("d/y", 30),
      E.dir("o/"), E.file("o/old", 20)));
  // layer 2: a/big overwritten with 400 bytes, d deleted, o made opaque with o/new 7
  static final byte[] L2 = Archives.tar(List.of(
      E.dir("a/"), E.file("a/big", 400), E.file(".wh.d", 0),
      E.dir("o/"), E.file("o/.wh..wh..opq", 0), E.file("o/new", 7)));
  static final List<String> CREATED = List.of("/bin/sh -c #(nop) ADD file:1 in /", "/bin/sh -c echo 2");

  static ImageArchive read(byte[] archive) throws StagebenchException {
    return new ArchiveReader("test", true).readTar(new ByteArrayInputStream(archive));
  }

  static void assertHandComputed(ImageArchive img) {
    assertThat(img.layers()).hasSize(2);
    assertThat(img.layers().get(0).size()).isEqualTo(1000 + 100 + 4 + 50 + 30 + 20);
    assertThat(img.layers().get(1).size()).isEqualTo(407);
    assertThat(img.size()).isEqualTo(1611);
    assertThat(img.layers().get(0).diffId()).isEqualTo(Archives.sha(L1));
    assertThat(img.layers().get(1).diffId()).isEqualTo(Archives.sha(L2));
    // history aligned past the empty ENV entry
    assertThat(img.layers().get(1).createdBy()).isEqualTo("/bin/sh -c echo 2");
    LayerScan s1 = img.layers().get(0).scan();
    assertThat(new int[] {s1.files(), s1.dirs(), s1.symlinks(), s1.hardlinks()}).containsExactly(5, 3, 1, 1);
    assertThat(img.layers().get(1).scan().whiteouts()).isEqualTo(2);

    MergedTree t = MergedTree.of(img.layers());
    assertThat(t.nodes().keySet()).containsExactly("a", "a/big", "a/hard", "a/keep", "a/link", "o", "o/new");
    assertThat(t.get("a/big").size()).isEqualTo(400);
    assertThat(t.get("a/big").layer()).isEqualTo(1);
    assertThat(t.bytes()).isEqualTo(511);
    assertThat(t.resolve("a/link").path()).isEqualTo("a/keep");
    assertThat(t.resolve("a/hard").path()).isEqualTo("a/keep");

    DiveMeasures.Result d = DiveMeasures.compute(img.layers());
    assertThat(d.wastedBytes()).isEqualTo(1400);
    assertThat(d.efficiency()).isCloseTo(687.0 / 1687.0, within(1e-12));
    assertThat(d.userSizeBytes()).isEqualTo(407);
    assertThat(d.userWastedPercent()).isCloseTo(1400.0 / 407.0, within(1e-12));
    assertThat(d.inefficiencies()).extracting(DiveMeasures.Inefficiency::path).containsExactly("/a/big");

    ImageReport r = ImageAnalyzer.analyze("test", img, 3);
    assertThat(r.image().recoverableBytes()).isEqualTo(1100);
    assertThat(r.recommendations()).anySatisfy(rec -> {
      assertThat(rec.rule()).isEqualTo("SB005");
      assertThat(rec.bytesSaved()).isEqualTo(1100);
    });
  }

  @Test
  void legacyArchiveManifestLast() throws Exception {
    ImageArchive img = read(Archives.legacy(List.of(L1, L2), CREATED, false));
    assertThat(img.format()).isEqualTo("docker");
    assertThat(img.tags()).containsExactly("t/x:1");
    assertHandComputed(img);
  }

  @Test
  void legacyArchiveManifestFirst() throws Exception {
    assertHandComputed(read(Archives.legacy(List.of(L1, L2), CREATED, true)));
  }

  @Test
  void gzippedSaveArchive() throws Exception {
    assertHandComputed(read(Archives.gzip(Archives.legacy(List.of(L1, L2), CREATED, false))));
  }

  @Test
  void ociWithGzipAndZstdBlobs() throws Exception {
    byte[] gz = Archives.gzip(L1);
    byte[] zs = Archives.zstd(L2);
    ImageArchive img = read(Archives.oci(List.of(L1, L2), List.of(gz, zs), CREATED));
    assertThat(img.format()).isEqualTo("oci");
    assertThat(img.layers().get(0).scan().compression()).isEqualTo("gzip");
    assertThat(img.layers().get(1).scan().compression()).isEqualTo("zstd");
    assertThat(img.layers().get(0).scan().archiveBytes()).isEqualTo(gz.length);
    assertThat(img.layers().get(0).scan().blobDigest()).isEqualTo(Archives.sha(gz));
    assertThat(img.layers().get(0).scan().tarBytes()).isEqualTo(L1.length);
    // a compressed blob is its own compressed size: no second gzip pass, and the size is exact
    assertThat(img.layers().get(0).scan().gzipBytes()).isEqualTo(-1);
    ImageSizes sizes = ImageSizes.of(img, -1);
    assertThat(sizes.compressedBytes()).hasValue(gz.length + zs.length);
    assertThat(sizes.compressedSource()).isEqualTo(ImageSizes.Compressed.STORED_BLOBS);
    assertThat(sizes.uncompressedBytes()).isEqualTo(img.size());
    assertHandComputed(img);
  }

  @Test
  void ociLayoutDirectory(@TempDir Path dir) throws Exception {
    byte[] archive = Archives.oci(List.of(L1, L2), List.of(L1, Archives.gzip(L2)), CREATED);
    // unpack with the test's own reader of the outer tar
    try (var tin = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
      TarArchiveEntry e;
      while ((e = tin.getNextEntry()) != null) {
        Path p = dir.resolve(e.getName());
        Files.createDirectories(p.getParent());
        Files.write(p, tin.readAllBytes());
      }
    }
    assertHandComputed(ArchiveReader.read(dir, false));
  }

  @Test
  void deletedFileWhiteoutCountsInDiveWaste() throws Exception {
    byte[] l1 = Archives.tar(List.of(E.dir("x/"), E.file("x/f", 300)));
    byte[] l2 = Archives.tar(List.of(E.dir("x/"), E.file("x/.wh.f", 0)));
    ImageArchive img = read(Archives.legacy(List.of(l1, l2), List.of("a", "b"), false));
    assertThat(img.size()).isEqualTo(300);
    DiveMeasures.Result d = DiveMeasures.compute(img.layers());
    // dive: the file and its whiteout (0 bytes) are two discoveries of /x/f
    assertThat(d.wastedBytes()).isEqualTo(300);
    assertThat(d.efficiency()).isEqualTo(0.0);
    assertThat(MergedTree.of(img.layers()).bytes()).isEqualTo(0);
  }

  @Test
  void notATar() {
    byte[] junk = "hello, this is no tar at all\n".repeat(40).getBytes();
    assertThatThrownBy(() -> read(junk)).isInstanceOf(StagebenchException.class)
        .satisfies(e -> assertThat(((StagebenchException) e).category()).isEqualTo(StagebenchException.Category.ENVIRONMENT));
  }

  @Test
  void truncated() {
    byte[] a = Archives.legacy(List.of(L1, L2), CREATED, false);
    byte[] cut = Arrays.copyOf(a, a.length / 2 + 100);
    assertThatThrownBy(() -> read(cut)).isInstanceOf(StagebenchException.class)
        .hasMessageContaining("test");
  }

  @Test
  void missingLayer() {
    byte[] a = Archives.legacy(List.of(L1, L2), CREATED, true);
    // rebuild without the second layer's blob but with the same manifest
    byte[] cfg = Archives.utf8(Archives.config(List.of(L1, L2), CREATED));
    String id1 = Archives.sha(L1).substring(7), id2 = Archives.sha(L2).substring(7);
    byte[] manifest = Archives.utf8("[{\"Config\":\"c.json\",\"Layers\":[\"" + id1 + "/layer.tar\",\"" + id2 + "/layer.tar\"]}]");
    byte[] broken = Archives.tar(List.of(E.file("manifest.json", manifest), E.file("c.json", cfg), E.file(id1 + "/layer.tar", L1)));
    assertThat(a).isNotEmpty();
    assertThatThrownBy(() -> read(broken)).isInstanceOf(StagebenchException.class).hasMessageContaining("lacks layer 2");
  }

  @Test
  void dotDotPathInLayer() {
    byte[] evil = Archives.tar(List.of(E.file("../../etc/passwd", 5)));
    assertThatThrownBy(() -> read(Archives.legacy(List.of(evil), List.of("x"), false)))
        .isInstanceOf(StagebenchException.class).hasMessageContaining("..");
  }

  @Test
  void symlinkLoopInArchiveIsMissingLayer() {
    byte[] cfg = Archives.utf8(Archives.config(List.of(L1), List.of("x")));
    byte[] manifest = Archives.utf8("[{\"Config\":\"c.json\",\"Layers\":[\"a/layer.tar\"]}]");
    byte[] loop = Archives.tar(List.of(E.file("manifest.json", manifest), E.file("c.json", cfg),
        E.sym("a/layer.tar", "../b/layer.tar"), E.sym("b/layer.tar", "../a/layer.tar")));
    assertThatThrownBy(() -> read(loop)).isInstanceOf(StagebenchException.class).hasMessageContaining("lacks layer 1");
  }

  @Test
  void diffIdMismatchIsDamage() {
    byte[] cfg = Archives.utf8(Archives.config(List.of(L2), List.of("x")));
    byte[] manifest = Archives.utf8("[{\"Config\":\"c.json\",\"Layers\":[\"l.tar\"]}]");
    byte[] bad = Archives.tar(List.of(E.file("manifest.json", manifest), E.file("c.json", cfg), E.file("l.tar", L1)));
    assertThatThrownBy(() -> read(bad)).isInstanceOf(StagebenchException.class).hasMessageContaining("diff ID");
  }

  @Test
  void symlinkLoopInsideImageResolvesToNothing() throws Exception {
    byte[] l = Archives.tar(List.of(E.sym("x", "y"), E.sym("y", "x")));
    MergedTree t = MergedTree.of(read(Archives.legacy(List.of(l), List.of("x"), false)).layers());
    assertThat(t.resolve("x")).isNull();
  }

  @Test
  void deviceFilesAreCountedAsEntriesWithNoBytesAndNeverOpened() throws Exception {
    byte[] layer = Archives.tar(List.of(E.dir("dev"),
        new E("dev/null", TarArchiveEntry.LF_CHR, null, null),
        new E("dev/sda", TarArchiveEntry.LF_BLK, null, null),
        E.file("app", 123)));
    ImageArchive img = read(Archives.legacy(List.of(layer), List.of("x"), false));
    assertThat(img.size()).isEqualTo(123);
  }

  @Test
  void aHugeDeclaredSizeIsATruncatedArchiveNotAnAllocation() {
    byte[] ok = Archives.legacy(List.of(L1), List.of("x"), true);
    byte[] evil = ok.clone();
    // The first entry's size field (offset 124, 12 octal digits): 64 GiB, far beyond the bytes that follow.
    byte[] huge = "1000000000000".substring(0, 11).concat("\0").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(huge, 0, evil, 124, 12);
    // The header checksum (offset 148) must still match, or the reader stops at a bad header instead.
    long sum = 0;
    for (int k = 0; k < 512; k++) {
      sum += (k >= 148 && k < 156) ? ' ' : (evil[k] & 0xff);
    }
    byte[] chk = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(chk, 0, evil, 148, 8);
    assertThatThrownBy(() -> read(evil)).isInstanceOf(StagebenchException.class);
  }

  @Test
  void absoluteEntryNamesStayInsideTheImageRoot() throws Exception {
    // Nothing is ever written to disk; an absolute name is read as the same path under the image root.
    assertThat(LayerScanner.normalize("/etc/passwd")).isEqualTo("etc/passwd");
    assertThat(LayerScanner.normalize("///./etc/x/")).isEqualTo("etc/x");
    assertThatThrownBy(() -> LayerScanner.normalize("/a/../../etc")).hasMessageContaining("climbs out");
  }
}
