package io.stagebench.image;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds layer tars and image archives in memory for tests. */
final class Archives {
  private Archives() {}

  /** One tar entry to write. */
  record E(String name, byte type, byte[] data, String link) {
    static E dir(String n) {
      return new E(n, TarArchiveEntry.LF_DIR, null, null);
    }

    static E file(String n, int size) {
      return new E(n, TarArchiveEntry.LF_NORMAL, new byte[size], null);
    }

    static E file(String n, byte[] data) {
      return new E(n, TarArchiveEntry.LF_NORMAL, data, null);
    }

    static E sym(String n, String target) {
      return new E(n, TarArchiveEntry.LF_SYMLINK, null, target);
    }

    static E hard(String n, String target) {
      return new E(n, TarArchiveEntry.LF_LINK, null, target);
    }
  }

  static byte[] tar(List<E> entries) {
    try {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      try (TarArchiveOutputStream t = new TarArchiveOutputStream(bos)) {
        t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (E e : entries) {
          TarArchiveEntry te = new TarArchiveEntry(e.name(), e.type());
          if (e.link() != null) {
            te.setLinkName(e.link());
          }
          if (e.data() != null) {
            te.setSize(e.data().length);
          }
          t.putArchiveEntry(te);
          if (e.data() != null) {
            t.write(e.data());
          }
          t.closeArchiveEntry();
        }
      }
      return bos.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(bos)) {
      g.write(b);
    }
    return bos.toByteArray();
  }

  static byte[] zstd(byte[] b) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(bos)) {
      z.write(b);
    }
    return bos.toByteArray();
  }

  static String sha(byte[] b) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String config(List<byte[]> layerTars, List<String> createdBy) {
    StringBuilder diff = new StringBuilder();
    for (byte[] l : layerTars) {
      diff.append(diff.length() == 0 ? "" : ",").append('"').append(sha(l)).append('"');
    }
    StringBuilder hist = new StringBuilder();
    hist.append("{\"created_by\":\"/bin/sh -c #(nop)  ENV X=1\",\"empty_layer\":true}");
    for (String c : createdBy) {
      hist.append(",{\"created_by\":\"").append(c).append("\"}");
    }
    return "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/usr/bin\"]},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diff + "]},\"history\":[" + hist + "]}";
  }

  /** A legacy docker save archive; {@code manifestFirst} controls the entry order. */
  static byte[] legacy(List<byte[]> layers, List<String> createdBy, boolean manifestFirst) {
    byte[] cfg = utf8(config(layers, createdBy));
    String cfgName = sha(cfg).substring(7) + ".json";
    List<E> layerEntries = new ArrayList<>();
    StringBuilder paths = new StringBuilder();
    for (int i = 0; i < layers.size(); i++) {
      String id = sha(layers.get(i)).substring(7);
      layerEntries.add(E.dir(id + "/"));
      layerEntries.add(E.file(id + "/VERSION", utf8("1.0")));
      layerEntries.add(E.file(id + "/layer.tar", layers.get(i)));
      paths.append(i == 0 ? "" : ",").append('"').append(id).append("/layer.tar\"");
    }
    byte[] manifest = utf8("[{\"Config\":\"" + cfgName + "\",\"RepoTags\":[\"t/x:1\"],\"Layers\":[" + paths + "]}]");
    List<E> all = new ArrayList<>();
    if (manifestFirst) {
      all.add(E.file("manifest.json", manifest));
      all.add(E.file(cfgName, cfg));
      all.addAll(layerEntries);
    } else {
      all.addAll(layerEntries);
      all.add(E.file(cfgName, cfg));
      all.add(E.file("manifest.json", manifest));
    }
    return tar(all);
  }

  /** An OCI layout tar (index.json, blobs/sha256) with each layer blob as given (plain, gzip or zstd). */
  static byte[] oci(List<byte[]> layerTars, List<byte[]> blobs, List<String> createdBy) {
    byte[] cfg = utf8(config(layerTars, createdBy));
    StringBuilder ls = new StringBuilder();
    List<E> all = new ArrayList<>();
    for (int i = 0; i < blobs.size(); i++) {
      byte[] b = blobs.get(i);
      ls.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"")
          .append(sha(b)).append("\",\"size\":").append(b.length).append('}');
      all.add(E.file("blobs/sha256/" + sha(b).substring(7), b));
    }
    byte[] manifest = utf8("{\"schemaVersion\":2,\"config\":{\"digest\":\"" + sha(cfg) + "\",\"size\":" + cfg.length
        + "},\"layers\":[" + ls + "]}");
    byte[] index = utf8("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"" + sha(manifest) + "\",\"size\":"
        + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"1\"}}]}");
    all.add(E.file("blobs/sha256/" + sha(cfg).substring(7), cfg));
    all.add(E.file("blobs/sha256/" + sha(manifest).substring(7), manifest));
    all.add(E.file("oci-layout", utf8("{\"imageLayoutVersion\":\"1.0.0\"}")));
    all.add(E.file("index.json", index));
    return tar(all);
  }
}
