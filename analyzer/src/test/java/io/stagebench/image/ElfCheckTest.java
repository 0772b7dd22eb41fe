package io.stagebench.image;

import static io.stagebench.image.Archives.E;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElfCheckTest {
  /**
   * A minimal dynamically linked x86-64 ELF executable: PT_LOAD over the file, PT_INTERP, PT_DYNAMIC
   * with DT_NEEDED libc.so.6 and libfoo.so and DT_RUNPATH $ORIGIN/../lib.
   */
  static byte[] elf(String interp, int padTo) {
    ByteBuffer b = ByteBuffer.allocate(Math.max(padTo, 1024)).order(ByteOrder.LITTLE_ENDIAN);
    long base = 0x400000;
    int interpOff = 232, strOff = 300, dynOff = 400;
    byte[] str = "\0libc.so.6\0libfoo.so\0$ORIGIN/../lib\0".getBytes(StandardCharsets.US_ASCII);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    b.position(16);
    b.putShort((short) 3).putShort((short) 62).putInt(1).putLong(base + 0x1000).putLong(64).putLong(0);
    b.putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 3).putShort((short) 64).putShort((short) 0).putShort((short) 0);
    // phdrs
    b.position(64);
    b.putInt(1).putInt(5).putLong(0).putLong(base).putLong(base).putLong(1024).putLong(1024).putLong(0x1000);
    b.putInt(3).putInt(4).putLong(interpOff).putLong(base + interpOff).putLong(base + interpOff)
        .putLong(interp.length() + 1).putLong(interp.length() + 1).putLong(1);
    b.putInt(2).putInt(6).putLong(dynOff).putLong(base + dynOff).putLong(base + dynOff).putLong(96).putLong(96).putLong(8);
    b.position(interpOff);
    b.put(interp.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    b.position(strOff);
    b.put(str);
    b.position(dynOff);
    b.putLong(1).putLong(1).putLong(1).putLong(11).putLong(29).putLong(21)
        .putLong(5).putLong(base + strOff).putLong(10).putLong(str.length).putLong(0).putLong(0);
    return b.array();
  }

  static MergedTree tree(byte[] layer) throws Exception {
    byte[] a = Archives.legacy(List.of(layer), List.of("x"), false);
    return MergedTree.of(new ArchiveReader("t", false).readTar(new ByteArrayInputStream(a)).layers());
  }

  @Test
  void parsesInterpreterNeededAndRunpathFromTheStream() throws Exception {
    MergedTree t = tree(Archives.tar(List.of(E.file("app", elf("/lib64/ld-linux-x86-64.so.2", 4096)))));
    ElfInfo info = t.get("app").elf();
    assertThat(info.interpreter()).isEqualTo("/lib64/ld-linux-x86-64.so.2");
    assertThat(info.needed()).containsExactly("libc.so.6", "libfoo.so");
    assertThat(info.runpath()).containsExactly("$ORIGIN/../lib");
    assertThat(info.executable()).isTrue();
  }

  @Test
  void dynamicBinaryInScratchCannotStart() throws Exception {
    MergedTree t = tree(Archives.tar(List.of(E.file("app", elf("/lib64/ld-linux-x86-64.so.2", 2048)))));
    ElfCheck.Result r = ElfCheck.check(t, List.of());
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("/app");
      assertThat(p.missingInterpreter()).isEqualTo("/lib64/ld-linux-x86-64.so.2");
      assertThat(p.missingLibraries()).containsExactly("libc.so.6", "libfoo.so");
    });
  }

  @Test
  void resolvesThroughSymlinksRunpathAndLdSoConf() throws Exception {
    byte[] layer = Archives.tar(List.of(
        E.sym("lib64", "usr/lib64"), E.dir("usr/"), E.dir("usr/lib64/"),
        E.file("usr/lib64/ld-linux-x86-64.so.2", 10),
        E.dir("etc/"), E.file("etc/ld.so.conf", "include /etc/ld.so.conf.d/*.conf\n".getBytes(StandardCharsets.UTF_8)),
        E.dir("etc/ld.so.conf.d/"), E.file("etc/ld.so.conf.d/x.conf", "/opt/c\n".getBytes(StandardCharsets.UTF_8)),
        E.dir("opt/"), E.dir("opt/c/"), E.file("opt/c/libc.so.6", 10),
        E.dir("opt/app/"), E.dir("opt/app/bin/"), E.file("opt/app/bin/app", elf("/lib64/ld-linux-x86-64.so.2", 2048)),
        E.dir("opt/app/lib/"), E.file("opt/app/lib/libfoo.so", 10)));
    ElfCheck.Result r = ElfCheck.check(tree(layer), List.of());
    assertThat(r.dynamic()).isEqualTo(1);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void libraryMissingOnlyWhenNotOnAnyPath() throws Exception {
    byte[] layer = Archives.tar(List.of(
        E.dir("lib64/"), E.file("lib64/ld-linux-x86-64.so.2", 10),
        E.dir("lib/"), E.dir("lib/x86_64-linux-gnu/"), E.file("lib/x86_64-linux-gnu/libc.so.6", 10),
        E.file("app", elf("/lib64/ld-linux-x86-64.so.2", 2048))));
    ElfCheck.Result r = ElfCheck.check(tree(layer), List.of());
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.missingInterpreter()).isNull();
      assertThat(p.missingLibraries()).containsExactly("libfoo.so");
    });
  }
}
