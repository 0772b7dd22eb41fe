package io.stagebench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases of Docker's {@code .dockerignore} documentation, and the context tar built from them. */
class DockerIgnoreTest {

  @Test
  void documentedExampleFile() {
    DockerIgnore ig = DockerIgnore.parse("# comment\n*/temp*\n*/*/temp*\ntemp?\n");
    assertThat(ig.rules()).hasSize(3);
    assertThat(ig.excluded("somedir/temporary.txt")).isTrue();
    assertThat(ig.excluded("somedir/temp")).isTrue();
    assertThat(ig.excluded("somedir/temp/inner.txt")).isTrue();
    assertThat(ig.excluded("somedir/subdir/temporary.txt")).isTrue();
    assertThat(ig.excluded("tempa")).isTrue();
    assertThat(ig.excluded("tempb")).isTrue();
    assertThat(ig.excluded("temp")).isFalse();
    assertThat(ig.excluded("temporary.txt")).isFalse();
    assertThat(ig.excluded("a/b/c/temp")).isFalse();
    assertThat(ig.excluded("# comment")).isFalse();
  }

  @Test
  void doubleStarMatchesAnyNumberOfDirectoriesIncludingNone() {
    DockerIgnore ig = DockerIgnore.parse("**/*.go\n");
    assertThat(ig.excluded("main.go")).isTrue();
    assertThat(ig.excluded("a/b/c/x.go")).isTrue();
    assertThat(ig.excluded("a/b/c/x.gox")).isFalse();
    DockerIgnore trailing = DockerIgnore.parse("vendor/**\n");
    assertThat(trailing.excluded("vendor/a/b")).isTrue();
    assertThat(trailing.excluded("vendorx")).isFalse();
  }

  @Test
  void exceptionsAndLastMatchWins() {
    assertThat(DockerIgnore.parse("*.md\n!README.md\n").excluded("README.md")).isFalse();
    assertThat(DockerIgnore.parse("*.md\n!README.md\n").excluded("CHANGES.md")).isTrue();
    DockerIgnore secretLast = DockerIgnore.parse("*.md\n!README*.md\nREADME-secret.md\n");
    assertThat(secretLast.excluded("README-secret.md")).isTrue();
    assertThat(secretLast.excluded("README-public.md")).isFalse();
    DockerIgnore allBack = DockerIgnore.parse("*.md\nREADME-secret.md\n!README*.md\n");
    assertThat(allBack.excluded("README-secret.md")).isFalse();
  }

  @Test
  void leadingSlashDotAndBlanksAreCleaned() {
    DockerIgnore ig = DockerIgnore.parse("  /build  \n./dist/\nlogs/../tmp\n\n   \n");
    assertThat(ig.rules()).extracting(DockerIgnore.Rule::pattern).containsExactly("build", "dist", "tmp");
    assertThat(ig.excluded("build/out.bin")).isTrue();
    assertThat(ig.excluded("dist")).isTrue();
    assertThat(ig.excluded("tmp/x")).isTrue();
    assertThat(ig.excluded("src/build")).isFalse();
  }

  @Test
  void hashOnlyCommentsAtLineStart() {
    DockerIgnore ig = DockerIgnore.parse(" #notacomment\n");
    assertThat(ig.excluded("#notacomment")).isTrue();
  }

  @Test
  void directoryExcludedWithExceptionBelowIsStillWalked() {
    DockerIgnore ig = DockerIgnore.parse("docs\n!docs/keep.txt\n");
    assertThat(ig.excluded("docs")).isTrue();
    assertThat(ig.excluded("docs/other.txt")).isTrue();
    assertThat(ig.excluded("docs/keep.txt")).isFalse();
    assertThat(ig.mayReinclude("docs")).isTrue();
    assertThat(ig.mayReinclude("src")).isFalse();
  }

  @Test
  void characterClassesAndEscapes() {
    DockerIgnore ig = DockerIgnore.parse("file[0-9].txt\nweird\\*name\n");
    assertThat(ig.excluded("file7.txt")).isTrue();
    assertThat(ig.excluded("filex.txt")).isFalse();
    assertThat(ig.excluded("weird*name")).isTrue();
    assertThat(ig.excluded("weirdXname")).isFalse();
  }

  @Test
  void contextTarHonoursIgnoreButAlwaysSendsDockerfileAndIgnoreFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), "Dockerfile*\n.dockerignore\n.env\ndocs\n!docs/keep.txt\n*.log\n");
    Files.writeString(dir.resolve("Dockerfile.multi"), "FROM scratch\n");
    Files.writeString(dir.resolve("Dockerfile.single"), "FROM scratch\n");
    Files.writeString(dir.resolve(".env"), "SECRET=1\n");
    Files.writeString(dir.resolve("main.go"), "package main\n");
    Files.writeString(dir.resolve("debug.log"), "x\n");
    Files.createDirectories(dir.resolve("docs/deep"));
    Files.writeString(dir.resolve("docs/keep.txt"), "keep\n");
    Files.writeString(dir.resolve("docs/drop.txt"), "drop\n");
    Files.writeString(dir.resolve("docs/deep/drop.txt"), "drop\n");
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/a.txt"), "a\n");
    try (BuildContext ctx = BuildContext.pack(dir, "Dockerfile.multi")) {
      List<String> names = new ArrayList<>();
      long sizeSum = 0;
      try (InputStream in = ctx.open(); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        TarArchiveEntry e;
        while ((e = tar.getNextTarEntry()) != null) {
          names.add(e.getName());
          assertThat(e.getLongUserId()).isZero();
          sizeSum += e.getSize();
        }
      }
      assertThat(names).containsExactly(".dockerignore", "Dockerfile.multi", "docs/keep.txt", "main.go", "src/", "src/a.txt");
      assertThat(ctx.entries()).isEqualTo(names);
      assertThat(ctx.bytes()).isGreaterThan(sizeSum).isEqualTo(Files.size(findTar(ctx)));
      assertThat(ctx.warnings()).isEmpty();
      try (InputStream in = ctx.open()) {
        byte[] head = in.readNBytes(2);
        assertThat(head).isNotEqualTo(new byte[] {0x1f, (byte) 0x8b}); // not gzip
      }
      try (InputStream in = ctx.open()) {
        byte[] header = in.readNBytes(512);
        // a plain header first: BuildKit in the engine sniffs the body and takes a leading PAX header for a Dockerfile
        assertThat((char) header[156]).isEqualTo('0');
        assertThat(new String(header, 0, 13, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(".dockerignore");
      }
    }
  }

  private static Path findTar(BuildContext ctx) throws IOException {
    // the size of what open() streams is what the engine receives
    Path t = Files.createTempFile("sb-size", ".tar");
    try (InputStream in = ctx.open()) {
      Files.copy(in, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    t.toFile().deleteOnExit();
    return t;
  }
}
