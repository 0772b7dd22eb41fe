package io.stagebench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.dockerfile.DockerIgnore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
  void classesAreGoSyntaxWhereBangIsAPlainCharacter() {
    DockerIgnore bang = DockerIgnore.parse("[!z]ain.go\n");
    assertThat(bang.excluded("zain.go")).isTrue();
    assertThat(bang.excluded("!ain.go")).isTrue();
    assertThat(bang.excluded("main.go")).isFalse();
    DockerIgnore caret = DockerIgnore.parse("[^z]ain.go\n");
    assertThat(caret.excluded("main.go")).isTrue();
    assertThat(caret.excluded("zain.go")).isFalse();
    DockerIgnore escaped = DockerIgnore.parse("x[a\\]]\ny[\\-+]\n");
    assertThat(escaped.excluded("xa")).isTrue();
    assertThat(escaped.excluded("x]")).isTrue();
    assertThat(escaped.excluded("xb")).isFalse();
    assertThat(escaped.excluded("y-")).isTrue();
    assertThat(escaped.excluded("y+")).isTrue();
    assertThat(escaped.excluded("y,")).isFalse();
  }

  @Test
  void malformedPatternsAreRefusedAsDockerBuildRefusesThem() {
    for (String bad : List.of("!", " ! ", "file[0-9", "[]a]", "x[]", "[^]", "[-a]", "[a-]", "[z-a]", "dir/\\")) {
      assertThatThrownBy(() -> DockerIgnore.parse("ok\n" + bad + "\n")).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(".dockerignore: ");
    }
  }

  @Test
  void bracesAndBackslashesAreNotGlobAlternationOrSeparators() {
    DockerIgnore braces = DockerIgnore.parse("*.{go,md}\n");
    assertThat(braces.excluded("main.go")).isFalse();
    assertThat(braces.excluded("x.{go,md}")).isTrue();
    DockerIgnore backslash = DockerIgnore.parse("cmd\\main.go\n");
    assertThat(backslash.excluded("cmd/main.go")).isFalse();
    assertThat(backslash.excluded("cmdmain.go")).isTrue();
  }

  @Test
  void doubleStarInsideANameStopsAtSlashesAndSeveralMayFollowEachOther() {
    DockerIgnore inName = DockerIgnore.parse("m**go\n");
    assertThat(inName.excluded("main.go")).isFalse();
    assertThat(inName.excluded("mgo")).isTrue();
    assertThat(inName.excluded("m/x/go")).isTrue();
    DockerIgnore two = DockerIgnore.parse("a/**/b/**/c\n");
    assertThat(two.excluded("a/b/c")).isTrue();
    assertThat(two.excluded("a/x/b/c")).isTrue();
    assertThat(two.excluded("a/x/y/b/z/c/d.txt")).isTrue();
    assertThat(two.excluded("a/x/c")).isFalse();
  }

  @Test
  void everyParentIsTriedEvenPastThePatternsElementCount() {
    // [^x] matches a slash too (the engine's regexp does), so a one-element pattern can name a/b
    DockerIgnore ig = DockerIgnore.parse("a[^x]b\n");
    assertThat(ig.excluded("a/b")).isTrue();
    assertThat(ig.excluded("a/b/c/d")).isTrue();
    assertThat(ig.excluded("axb/c")).isFalse();
  }

  @Test
  void byteOrderMarkAndCarriageReturnsAreRemoved() {
    DockerIgnore ig = DockerIgnore.parse("\uFEFFsecret.txt\r\n#c\r\nlogs\r\n");
    assertThat(ig.rules()).extracting(DockerIgnore.Rule::pattern).containsExactly("secret.txt", "logs");
    assertThat(ig.excluded("secret.txt")).isTrue();
    assertThat(ig.excluded("logs/a")).isTrue();
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
        assertThat(new String(header, 0, 13, StandardCharsets.US_ASCII)).isEqualTo(".dockerignore");
      }
    }
  }

  private static Path findTar(BuildContext ctx) throws IOException {
    // the size of what open() streams is what the engine receives
    Path t = Files.createTempFile("sb-size", ".tar");
    try (InputStream in = ctx.open()) {
      Files.copy(in, t, StandardCopyOption.REPLACE_EXISTING);
    }
    t.toFile().deleteOnExit();
    return t;
  }
}
