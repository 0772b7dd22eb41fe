package io.stagebench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a deterministic, {@code docker save}-shaped image archive to disk for benchmarks: a
 * base-like first layer holding half the bytes, then layers that add files, overwrite some of the
 * earlier ones, delete some (whiteouts) and leave build-tool residue (a compiler and a package
 * cache), so the analysis has waste, residue and attribution to compute. File contents are half
 * random (incompressible) and half repetitive text, so gzip sizing has real work.
 */
final class SyntheticImage {
  enum Layout { LEGACY, OCI }

  private static final String[] CREATED_BY = {
    "/bin/sh -c #(nop) ADD file:rootfs.tar in / ",
    "RUN /bin/sh -c apt-get update && apt-get install -y build-essential # buildkit",
    "WORKDIR /src",
    "COPY . . # buildkit",
    "RUN /bin/sh -c make && rm -rf obj/ # buildkit",
    "RUN /bin/sh -c chown -R 1000:1000 /src # buildkit",
  };
  private static final double[] SHARE = {0.5, 0.2, 0.0, 0.1, 0.1, 0.1};

  private SyntheticImage() {}

  /** Writes the archive of about {@code totalBytes} of file content in {@code files} files. */
  static void write(Path out, Layout layout, long totalBytes, int files, long seed) throws IOException {
    Random random = new Random(seed);
    byte[] noise = new byte[1 << 20];
    random.nextBytes(noise);
    byte[] text = "the quick brown fox jumps over the lazy dog 0123456789\n".repeat(20_000)
        .getBytes(StandardCharsets.US_ASCII);
    Path dir = Files.createTempDirectory("stagebench-synthetic-");
    try {
      List<Path> layers = new ArrayList<>();
      List<String> diffIds = new ArrayList<>();
      List<String> earlier = new ArrayList<>();
      for (int i = 0; i < CREATED_BY.length; i++) {
        Path layer = dir.resolve("layer" + i + ".tar");
        diffIds.add(writeLayer(layer, i, (long) (totalBytes * SHARE[i]), (int) (files * SHARE[i]), earlier,
            random, noise, text));
        layers.add(layer);
      }
      byte[] config = config(diffIds);
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(out))) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        if (layout == Layout.LEGACY) {
          StringBuilder paths = new StringBuilder();
          for (int i = 0; i < layers.size(); i++) {
            String id = diffIds.get(i).substring("sha256:".length());
            putFile(tar, id + "/layer.tar", layers.get(i));
            paths.append(i == 0 ? "" : ",").append('"').append(id).append("/layer.tar\"");
          }
          String configName = sha256(config).substring("sha256:".length()) + ".json";
          putBytes(tar, configName, config);
          putBytes(tar, "manifest.json", utf8("[{\"Config\":\"" + configName
              + "\",\"RepoTags\":[\"stagebench/synthetic:1\"],\"Layers\":[" + paths + "]}]"));
        } else {
          StringBuilder descriptors = new StringBuilder();
          for (int i = 0; i < layers.size(); i++) {
            String digest = diffIds.get(i);
            putFile(tar, "blobs/sha256/" + digest.substring("sha256:".length()), layers.get(i));
            descriptors.append(i == 0 ? "" : ",")
                .append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"").append(digest)
                .append("\",\"size\":").append(Files.size(layers.get(i))).append('}');
          }
          byte[] manifest = utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
              + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
              + sha256(config) + "\",\"size\":" + config.length + "},\"layers\":[" + descriptors + "]}");
          putBytes(tar, "blobs/sha256/" + sha256(config).substring("sha256:".length()), config);
          putBytes(tar, "blobs/sha256/" + sha256(manifest).substring("sha256:".length()), manifest);
          putBytes(tar, "oci-layout", utf8("{\"imageLayoutVersion\":\"1.0.0\"}"));
          putBytes(tar, "index.json", utf8("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
              + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + sha256(manifest) + "\",\"size\":"
              + manifest.length + ",\"annotations\":{\"io.containerd.image.name\":\"stagebench/synthetic:1\"}}]}"));
        }
      }
    } finally {
      try (var walk = Files.list(dir)) {
        for (Path p : walk.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** Writes one layer tar and returns its diff ID. */
  private static String writeLayer(Path layer, int index, long bytes, int files, List<String> earlier, Random random,
      byte[] noise, byte[] text) throws IOException {
    MessageDigest sha = digest();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
        new DigestOutputStream(Files.newOutputStream(layer), sha))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      String root = switch (index) {
        case 0 -> "usr/lib/x86_64-linux-gnu/";
        case 1 -> "usr/lib/gcc/x86_64-linux-gnu/12/";
        case 3 -> "src/";
        case 4 -> "src/obj/";
        default -> "src/out/";
      };
      List<String> mine = new ArrayList<>();
      if (files > 0) {
        putDir(tar, root);
        long perFile = Math.max(1, bytes / files);
        for (int f = 0; f < files; f++) {
          String name = root + "d" + (f % 64) + "/f" + f + (f % 7 == 0 ? ".so" : ".dat");
          if (f < 64) {
            putDir(tar, root + "d" + f + "/");
          }
          // sizes spread over two orders of magnitude around the mean
          long size = (long) (perFile * Math.exp(random.nextGaussian() * 0.8 - 0.32));
          putContent(tar, name, Math.min(size, 8L << 20), random, noise, text);
          mine.add(name);
        }
      }
      if (index == 1) {
        putContent(tar, "var/cache/apt/archives/gcc-12_12.2.0_amd64.deb", 2 << 20, random, noise, text);
      }
      if (index >= 4 && !earlier.isEmpty()) {
        // overwrite a slice of earlier files (the chown layer), and delete a few with whiteouts
        for (int k = 0; k < earlier.size(); k += 17) {
          putContent(tar, earlier.get(k), 4096, random, noise, text);
        }
        for (int k = 5; k < earlier.size(); k += 97) {
          String path = earlier.get(k);
          int slash = path.lastIndexOf('/');
          putContent(tar, path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), 0, random, noise, text);
        }
      }
      if (index == 3) {
        TarArchiveEntry link = entry("src/current", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("out");
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
      earlier.addAll(mine);
    }
    return "sha256:" + HexFormat.of().formatHex(sha.digest());
  }

  private static void putContent(TarArchiveOutputStream tar, String name, long size, Random random, byte[] noise,
      byte[] text) throws IOException {
    TarArchiveEntry e = entry(name, TarArchiveEntry.LF_NORMAL);
    e.setSize(size);
    e.setMode(name.endsWith(".so") ? 0755 : 0644);
    tar.putArchiveEntry(e);
    byte[] source = random.nextBoolean() ? noise : text;
    int offset = random.nextInt(source.length / 2);
    long left = size;
    while (left > 0) {
      int n = (int) Math.min(left, source.length - offset);
      tar.write(source, offset, n);
      left -= n;
      offset = 0;
    }
    tar.closeArchiveEntry();
  }

  private static void putDir(TarArchiveOutputStream tar, String name) throws IOException {
    tar.putArchiveEntry(entry(name, TarArchiveEntry.LF_DIR));
    tar.closeArchiveEntry();
  }

  private static void putFile(TarArchiveOutputStream tar, String name, Path file) throws IOException {
    TarArchiveEntry e = entry(name, TarArchiveEntry.LF_NORMAL);
    e.setSize(Files.size(file));
    tar.putArchiveEntry(e);
    Files.copy(file, tar);
    tar.closeArchiveEntry();
  }

  private static void putBytes(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
    TarArchiveEntry e = entry(name, TarArchiveEntry.LF_NORMAL);
    e.setSize(data.length);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  /** Entries carry a fixed time, so the same seed gives the same bytes (and diff IDs). */
  private static TarArchiveEntry entry(String name, byte type) {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    e.setModTime(FileTime.fromMillis(1_700_000_000_000L));
    return e;
  }

  private static byte[] config(List<String> diffIds) {
    StringBuilder ids = new StringBuilder();
    StringBuilder history = new StringBuilder("{\"created_by\":\"/bin/sh -c #(nop)  CMD [\\\"bash\\\"]\","
        + "\"empty_layer\":true}");
    for (int i = 0; i < diffIds.size(); i++) {
      ids.append(i == 0 ? "" : ",").append('"').append(diffIds.get(i)).append('"');
      history.append(",{\"created_by\":\"").append(CREATED_BY[i]).append("\"}");
    }
    return utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/usr/bin\"],"
        + "\"WorkingDir\":\"/src\"},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + ids + "]},\"history\":["
        + history + "]}");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] data) {
    return "sha256:" + HexFormat.of().formatHex(digest().digest(data));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
