package io.stagebench.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an ELF file's loader requirements from a stream in one forward pass with bounded memory: the
 * first {@link #PREFIX} bytes are kept (headers, program headers and, in practice, {@code .dynstr}),
 * the dynamic segment is captured as it streams past, and a string table lying after it is captured
 * too. Nothing else is held.
 */
public final class ElfReader {
  /** Bytes of the file's start kept in memory. */
  public static final int PREFIX = 1 << 20;
  /** The most dynamic-segment or string-table bytes captured. */
  static final int MAX_SEGMENT = 1 << 20;

  private static final int PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3;
  private static final int DT_NEEDED = 1, DT_STRTAB = 5, DT_STRSZ = 10, DT_SONAME = 14, DT_RPATH = 15, DT_RUNPATH = 29;

  private ElfReader() {}

  /** True when the four bytes are the ELF magic. */
  public static boolean isElf(byte[] head, int len) {
    return len >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
  }

  /**
   * Parses the file whose first {@code headLen} bytes are in {@code head} and the rest in {@code in}.
   * Consumes part of {@code in}; the caller drains what is left.
   *
   * @return the file's loader requirements, or null when it is no executable or shared object (object
   *     files, core dumps, malformed headers)
   */
  public static ElfInfo read(byte[] head, int headLen, InputStream in, long fileSize) throws IOException {
    int want = (int) Math.min(PREFIX, fileSize);
    byte[] prefix = new byte[Math.max(want, headLen)];
    System.arraycopy(head, 0, prefix, 0, headLen);
    int n = headLen + in.readNBytes(prefix, headLen, want - headLen);
    long pos = n;
    if (n < 52) {
      return null;
    }
    boolean is64 = prefix[4] == 2;
    if (prefix[4] != 1 && prefix[4] != 2) {
      return null;
    }
    ByteOrder order = prefix[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer b = ByteBuffer.wrap(prefix, 0, n).order(order);
    int type = Short.toUnsignedInt(b.getShort(16));
    int machine = Short.toUnsignedInt(b.getShort(18));
    if (type != 2 && type != 3) {
      return null;
    }
    long phoff = is64 ? b.getLong(32) : Integer.toUnsignedLong(b.getInt(28));
    int phentsize = Short.toUnsignedInt(b.getShort(is64 ? 54 : 42));
    int phnum = Short.toUnsignedInt(b.getShort(is64 ? 56 : 44));
    if (phentsize < (is64 ? 56 : 32) || phoff < 0 || phoff + (long) phentsize * phnum > n) {
      return null;
    }
    String interp = null;
    long dynOff = -1, dynSize = 0;
    List<long[]> loads = new ArrayList<>();
    for (int i = 0; i < phnum; i++) {
      int p = (int) (phoff + (long) i * phentsize);
      int ptype = b.getInt(p);
      long off = is64 ? b.getLong(p + 8) : Integer.toUnsignedLong(b.getInt(p + 4));
      long vaddr = is64 ? b.getLong(p + 16) : Integer.toUnsignedLong(b.getInt(p + 8));
      long filesz = is64 ? b.getLong(p + 32) : Integer.toUnsignedLong(b.getInt(p + 16));
      if (ptype == PT_INTERP && off >= 0 && filesz > 0 && filesz < 4096 && off + filesz <= n) {
        interp = cString(prefix, (int) off, (int) (off + filesz));
      } else if (ptype == PT_DYNAMIC) {
        dynOff = off;
        dynSize = filesz;
      } else if (ptype == PT_LOAD) {
        loads.add(new long[] {off, vaddr, filesz});
      }
    }
    boolean executable = type == 2 || interp != null;
    if (dynOff < 0) {
      return new ElfInfo(executable, is64, machine, interp, List.of(), List.of(), List.of(), null, true);
    }
    if (dynSize <= 0 || dynSize > MAX_SEGMENT || dynOff < 0 || dynOff + dynSize > fileSize) {
      return new ElfInfo(executable, is64, machine, interp, List.of(), List.of(), List.of(), null, false);
    }
    byte[] dyn;
    if (dynOff + dynSize <= n) {
      dyn = Arrays.copyOfRange(prefix, (int) dynOff, (int) (dynOff + dynSize));
    } else if (dynOff >= pos) {
      in.skipNBytes(dynOff - pos);
      pos = dynOff;
      dyn = in.readNBytes((int) dynSize);
      pos += dyn.length;
      if (dyn.length < dynSize) {
        return new ElfInfo(executable, is64, machine, interp, List.of(), List.of(), List.of(), null, false);
      }
    } else {
      return new ElfInfo(executable, is64, machine, interp, List.of(), List.of(), List.of(), null, false);
    }
    ByteBuffer d = ByteBuffer.wrap(dyn).order(order);
    int entSize = is64 ? 16 : 8;
    List<Long> neededOffs = new ArrayList<>();
    long strtab = -1, strsz = 0, soname = -1, rpath = -1, runpath = -1;
    for (int p = 0; p + entSize <= dyn.length; p += entSize) {
      long tag = is64 ? d.getLong(p) : d.getInt(p);
      long val = is64 ? d.getLong(p + 8) : Integer.toUnsignedLong(d.getInt(p + 4));
      if (tag == 0) {
        break;
      }
      if (tag == DT_NEEDED) {
        neededOffs.add(val);
      } else if (tag == DT_STRTAB) {
        strtab = val;
      } else if (tag == DT_STRSZ) {
        strsz = val;
      } else if (tag == DT_SONAME) {
        soname = val;
      } else if (tag == DT_RPATH) {
        rpath = val;
      } else if (tag == DT_RUNPATH) {
        runpath = val;
      }
    }
    long strOff = -1;
    for (long[] l : loads) {
      if (strtab >= l[1] && strtab < l[1] + l[2]) {
        strOff = l[0] + (strtab - l[1]);
        break;
      }
    }
    if (strOff < 0 || strsz <= 0 || strsz > MAX_SEGMENT) {
      return new ElfInfo(executable, is64, machine, interp, List.of(), List.of(), List.of(), null, false);
    }
    byte[] str;
    int base;
    if (strOff + strsz <= n) {
      str = prefix;
      base = (int) strOff;
    } else if (strOff >= pos && strOff + strsz <= fileSize) {
      in.skipNBytes(strOff - pos);
      str = in.readNBytes((int) strsz);
      base = 0;
      if (str.length < strsz) {
        return new ElfInfo(executable, is64, machine, interp, List.of(), List.of(), List.of(), null, false);
      }
    } else {
      return new ElfInfo(executable, is64, machine, interp, List.of(), List.of(), List.of(), null, false);
    }
    int end = (int) (base + strsz);
    List<String> needed = new ArrayList<>();
    for (long o : neededOffs) {
      if (o >= 0 && o < strsz) {
        needed.add(cString(str, base + (int) o, end));
      }
    }
    return new ElfInfo(
        executable, is64, machine, interp, List.copyOf(needed),
        paths(str, base, end, runpath, strsz), paths(str, base, end, rpath, strsz),
        soname >= 0 && soname < strsz ? cString(str, base + (int) soname, end) : null, true);
  }

  private static List<String> paths(byte[] s, int base, int end, long off, long size) {
    if (off < 0 || off >= size) {
      return List.of();
    }
    String v = cString(s, base + (int) off, end);
    List<String> out = new ArrayList<>();
    for (String p : v.split(":")) {
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  private static String cString(byte[] b, int from, int end) {
    int i = from;
    while (i < end && i < b.length && b[i] != 0) {
      i++;
    }
    return new String(b, from, i - from, StandardCharsets.UTF_8);
  }
}
