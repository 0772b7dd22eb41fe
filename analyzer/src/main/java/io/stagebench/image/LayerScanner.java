package io.stagebench.image;

import com.github.luben.zstd.ZstdInputStream;
import io.stagebench.StagebenchException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Streams one layer blob (plain tar, gzip or zstd) once: digests, byte counts, optional gzip size and
 * one {@link LayerEntry} per tar entry. File contents are read and dropped; only ELF headers are kept
 * while their file streams past.
 */
public final class LayerScanner {
  static final String WHITEOUT = ".wh.";
  static final String OPAQUE = ".wh..wh..opq";
  /** Longest entry name accepted; longer names are hostile input. */
  static final int MAX_NAME = 4096;

  private final boolean compressed;

  public LayerScanner(boolean computeGzip) {
    this.compressed = computeGzip;
  }

  /**
   * Scans a layer blob.
   *
   * @param where how the user knows this blob, for error messages
   * @throws StagebenchException (ENVIRONMENT) when the blob is not a readable layer
   */
  public LayerScan scan(InputStream blob, String where) throws StagebenchException {
    MessageDigest blobSha = sha256();
    MessageDigest tarSha = sha256();
    CountingInputStream blobCount = new CountingInputStream(new DigestInputStream(blob, blobSha));
    try {
      BufferedInputStream sniff = new BufferedInputStream(blobCount, 1 << 16);
      sniff.mark(4);
      byte[] magic = sniff.readNBytes(4);
      sniff.reset();
      String compression;
      InputStream tar;
      if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        compression = "gzip";
        tar = new GZIPInputStream(sniff, 1 << 16);
      } else if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
          && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
        compression = "zstd";
        tar = new ZstdInputStream(sniff);
      } else {
        compression = "none";
        tar = sniff;
      }
      // an uncompressed blob is its own tar: one digest serves as blob digest and diff ID
      boolean plain = compression.equals("none");
      // a compressed blob is its own compressed size (exact); only plain tars are gzipped to estimate it
      CountingOutputStream gzCount = compressed && plain ? new CountingOutputStream() : null;
      GZIPOutputStream gz = compressed && plain ? new GZIPOutputStream(gzCount, 1 << 16) : null;
      CountingInputStream tarCount =
          new CountingInputStream(new TeeInputStream(plain ? tar : new DigestInputStream(tar, tarSha), gz));
      Acc acc = new Acc();
      TarArchiveInputStream tin = new TarArchiveInputStream(tarCount);
      TarArchiveEntry e;
      byte[] head = new byte[64];
      while ((e = tin.getNextEntry()) != null) {
        acc.add(e, tin, head, where);
      }
      // the tar's end padding and anything after it belong to the diff ID
      tarCount.transferTo(OutputStream.nullOutputStream());
      sniff.transferTo(OutputStream.nullOutputStream());
      long gzBytes = -1;
      if (gz != null) {
        gz.finish();
        gzBytes = gzCount.count;
      }
      String blobDigest = "sha256:" + HexFormat.of().formatHex(blobSha.digest());
      return new LayerScan(
          blobDigest,
          plain ? blobDigest : "sha256:" + HexFormat.of().formatHex(tarSha.digest()),
          compression, blobCount.count, tarCount.count, gzBytes, acc.size,
          acc.files, acc.dirs, acc.symlinks, acc.hardlinks, acc.whiteouts, List.copyOf(acc.entries));
    } catch (EOFException e) {
      throw new StagebenchException(
          StagebenchException.Category.ENVIRONMENT,
          where + " is truncated (" + msg(e) + "); export the image again");
    } catch (IOException | RuntimeException e) {
      throw new StagebenchException(
          StagebenchException.Category.ENVIRONMENT,
          where + " is not a readable layer (" + msg(e) + "); export the image again", e);
    }
  }

  static String msg(Throwable e) {
    String m = e.getMessage();
    return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replace('\n', ' ');
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The path of an entry inside the image: no leading {@code ./} or {@code /}, no trailing slash.
   *
   * @throws IOException for names that climb out of the root or are absurdly long
   */
  static String normalize(String name) throws IOException {
    if (name.length() > MAX_NAME || name.indexOf('\0') >= 0) {
      throw new IOException("entry name too long or with NUL");
    }
    String p = name;
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.substring(p.startsWith("/") ? 1 : 2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.equals(".")) {
      return "";
    }
    for (String part : p.split("/", -1)) {
      if (part.equals("..")) {
        throw new IOException("entry " + name + " climbs out of the root with ..");
      }
    }
    return p.replace("/./", "/");
  }

  private static final class Acc {
    final List<LayerEntry> entries = new ArrayList<>();
    long size;
    int files, dirs, symlinks, hardlinks, whiteouts;

    void add(TarArchiveEntry e, InputStream in, byte[] head, String where) throws IOException {
      String path = normalize(e.getName());
      if (path.isEmpty()) {
        return;
      }
      int slash = path.lastIndexOf('/');
      String dir = slash < 0 ? "" : path.substring(0, slash);
      String base = path.substring(slash + 1);
      if (base.equals(OPAQUE)) {
        entries.add(new LayerEntry(dir, LayerEntry.Kind.OPAQUE, 0, null, null));
        whiteouts++;
        return;
      }
      if (base.startsWith(WHITEOUT)) {
        String target = (dir.isEmpty() ? "" : dir + "/") + base.substring(WHITEOUT.length());
        entries.add(new LayerEntry(target, LayerEntry.Kind.WHITEOUT, 0, null, null));
        whiteouts++;
        return;
      }
      if (e.getSize() < 0) {
        throw new IOException("entry " + path + " has a negative size");
      }
      if (e.isDirectory()) {
        dirs++;
        entries.add(new LayerEntry(path, LayerEntry.Kind.DIR, 0, null, null));
      } else if (e.isSymbolicLink()) {
        symlinks++;
        String t = e.getLinkName();
        long len = t.getBytes(StandardCharsets.UTF_8).length;
        size += len;
        entries.add(new LayerEntry(path, LayerEntry.Kind.SYMLINK, len, t, null));
      } else if (e.isLink()) {
        hardlinks++;
        entries.add(new LayerEntry(path, LayerEntry.Kind.HARDLINK, 0, normalize(e.getLinkName()), null));
      } else if (e.isFile()) {
        files++;
        long s = e.getSize();
        size += s;
        ElfInfo elf = null;
        String text = null;
        if (s <= 65536 && (path.equals("etc/ld.so.conf") || path.startsWith("etc/ld.so.conf.d/"))) {
          text = new String(in.readNBytes((int) s), StandardCharsets.UTF_8);
        } else if (s >= 52) {
          int n = in.readNBytes(head, 0, 4);
          if (ElfReader.isElf(head, n)) {
            elf = ElfReader.read(head, n, in, s);
          }
        }
        entries.add(new LayerEntry(path, LayerEntry.Kind.FILE, s, null, elf, text));
        in.transferTo(OutputStream.nullOutputStream());
      } else {
        entries.add(new LayerEntry(path, LayerEntry.Kind.OTHER, 0, null, null));
      }
    }
  }

  /**
   * A stream that sees every byte that passes: a skip is a read (so nothing is skipped unseen),
   * and mark/reset is not offered.
   */
  abstract static class SeeingInputStream extends FilterInputStream {
    SeeingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[8192];
      long done = 0;
      while (done < n) {
        int r = read(buf, 0, (int) Math.min(buf.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }

  /** Counts bytes read through it. */
  static final class CountingInputStream extends SeeingInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

  }

  /** Discards what is written and counts it. */
  static final class CountingOutputStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** Copies everything read into a sink (or nowhere). */
  static final class TeeInputStream extends SeeingInputStream {
    private final OutputStream sink;

    TeeInputStream(InputStream in, OutputStream sink) {
      super(in);
      this.sink = sink;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && sink != null) {
        sink.write(b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && sink != null) {
        sink.write(b, off, n);
      }
      return n;
    }

  }
}
