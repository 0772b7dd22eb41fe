package io.stagebench.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a {@code docker save} archive (legacy {@code manifest.json} + {@code <id>/layer.tar}, or the
 * OCI layout with {@code index.json} + {@code blobs/sha256/...}) in one pass. The order of entries is
 * not relied on: every blob that is not small JSON is scanned as a layer when it streams past and kept
 * as a {@link LayerScan} keyed by its archive path; the manifests, read whenever they come, then put
 * the scans in order.
 */
public final class ArchiveReader {
  /** JSON documents (manifests, configs) larger than this are refused. */
  static final long MAX_JSON = 16L << 20;
  /** More blobs than this is hostile input. */
  static final int MAX_BLOBS = 100_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LayerScanner scanner;
  private final String source;
  private final Map<String, byte[]> json = new HashMap<>();
  private final Map<String, LayerScan> scans = new HashMap<>();
  private final Map<String, String> aliases = new HashMap<>();

  /**
   * @param source how the user named the input, for messages
   * @param computeGzip whether to gzip every layer to report its pushed size
   */
  public ArchiveReader(String source, boolean computeGzip) {
    this.source = source;
    this.scanner = new LayerScanner(computeGzip);
  }

  /** Reads an image archive or OCI layout from a path (tar file, optionally gzipped, or directory). */
  public static ImageArchive read(Path path, boolean computeGzip) throws StagebenchException {
    ArchiveReader r = new ArchiveReader(path.toString(), computeGzip);
    if (Files.isDirectory(path)) {
      return r.readDirectory(path);
    }
    if (!Files.isReadable(path)) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot read " + path + ": no such file or not readable; give an image name, a docker save archive or an OCI layout");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return r.readTar(in);
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot read " + path + ": " + LayerScanner.msg(e), e);
    }
  }

  /** Reads an archive from a stream (a file, or the engine's save stream). */
  public ImageArchive readTar(InputStream raw) throws StagebenchException {
    try {
      BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
      in.mark(2);
      int b0 = in.read(), b1 = in.read();
      in.reset();
      InputStream body = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
      TarArchiveInputStream tar = new TarArchiveInputStream(body);
      TarArchiveEntry e;
      boolean any = false;
      while ((e = tar.getNextEntry()) != null) {
        any = true;
        String name = LayerScanner.normalize(e.getName());
        if (e.isDirectory() || name.isEmpty()) {
          continue;
        }
        if (e.isSymbolicLink()) {
          aliases.put(name, resolveRelative(name, e.getLinkName()));
        } else if (e.isLink()) {
          aliases.put(name, LayerScanner.normalize(e.getLinkName()));
        } else if (e.isFile()) {
          entry(name, e.getSize(), tar);
        }
      }
      if (!any) {
        throw new StagebenchException(Category.ENVIRONMENT, source + " is not an image archive (no tar entries); give a docker save archive or an OCI layout");
      }
      return assemble();
    } catch (EOFException e) {
      throw new StagebenchException(Category.ENVIRONMENT, source + " is truncated (" + LayerScanner.msg(e) + "); export the image again", e);
    } catch (IOException | RuntimeException e) {
      throw new StagebenchException(Category.ENVIRONMENT, source + " is not a readable image archive (" + LayerScanner.msg(e) + "); give a docker save archive or an OCI layout", e);
    }
  }

  private ImageArchive readDirectory(Path dir) throws StagebenchException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot list " + dir + ": " + LayerScanner.msg(e), e);
    }
    for (Path f : files) {
      String name = dir.relativize(f).toString().replace('\\', '/');
      try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
        entry(name, Files.size(f), in);
      } catch (IOException e) {
        throw new StagebenchException(Category.ENVIRONMENT, "cannot read " + f + ": " + LayerScanner.msg(e), e);
      }
    }
    return assemble();
  }

  private static String resolveRelative(String name, String target) throws IOException {
    if (target.startsWith("/")) {
      return LayerScanner.normalize(target);
    }
    int slash = name.lastIndexOf('/');
    String joined = (slash < 0 ? "" : name.substring(0, slash + 1)) + target;
    List<String> parts = new ArrayList<>();
    for (String p : joined.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          throw new IOException("link " + name + " points out of the archive");
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }

  private void entry(String name, long size, InputStream in) throws StagebenchException, IOException {
    if (scans.size() + json.size() > MAX_BLOBS) {
      throw new StagebenchException(Category.ENVIRONMENT, source + " has more than " + MAX_BLOBS + " files; not an image archive");
    }
    if (name.equals("repositories") || name.equals("oci-layout") || name.endsWith("/VERSION") || name.endsWith("/json") && !name.startsWith("blobs/")) {
      in.transferTo(OutputStream.nullOutputStream());
      return;
    }
    BufferedInputStream b = in instanceof BufferedInputStream bb ? bb : new BufferedInputStream(in, 1 << 16);
    b.mark(1);
    int first = b.read();
    b.reset();
    if ((first == '{' || first == '[') && size <= MAX_JSON) {
      byte[] bytes = b.readAllBytes();
      try {
        JSON.readTree(bytes);
        json.put(name, bytes);
        return;
      } catch (IOException notJson) {
        scans.put(name, scanner.scan(new ByteArrayInputStream(bytes), source + ": " + name));
        return;
      }
    }
    if (name.endsWith(".json")) {
      throw new StagebenchException(Category.ENVIRONMENT, source + ": " + name + " is not a JSON document under " + MAX_JSON + " bytes; the archive is damaged");
    }
    scans.put(name, scanner.scan(b, source + ": " + name));
  }

  private String resolve(String name) {
    String n = name;
    for (int i = 0; i < 40 && aliases.containsKey(n); i++) {
      n = aliases.get(n);
    }
    return n;
  }

  private byte[] jsonAt(String name, String what) throws StagebenchException {
    byte[] b = json.get(resolve(name));
    if (b == null) {
      throw new StagebenchException(Category.ENVIRONMENT, source + " lacks " + what + " (" + name + "); the archive is incomplete, export the image again");
    }
    return b;
  }

  private static String blobPath(String digest) throws StagebenchException {
    if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
      throw new StagebenchException(Category.ENVIRONMENT, "bad blob digest " + digest + " in the archive's manifest");
    }
    return "blobs/sha256/" + digest.substring(7);
  }

  private ImageArchive assemble() throws StagebenchException {
    try {
      String format;
      String configPath;
      List<String> layerPaths = new ArrayList<>();
      List<String> tags = new ArrayList<>();
      if (json.containsKey("manifest.json")) {
        format = json.containsKey("index.json") ? "oci" : "docker";
        JsonNode m = JSON.readTree(json.get("manifest.json"));
        if (!m.isArray() || m.isEmpty()) {
          throw new StagebenchException(Category.ENVIRONMENT, source + ": manifest.json lists no image");
        }
        JsonNode first = m.get(0);
        configPath = first.path("Config").asText(null);
        for (JsonNode l : first.path("Layers")) {
          layerPaths.add(LayerScanner.normalize(l.asText()));
        }
        for (JsonNode t : first.path("RepoTags")) {
          tags.add(t.asText());
        }
        if (configPath == null) {
          throw new StagebenchException(Category.ENVIRONMENT, source + ": manifest.json names no config");
        }
        configPath = LayerScanner.normalize(configPath);
      } else if (json.containsKey("index.json")) {
        format = "oci";
        JsonNode node = JSON.readTree(json.get("index.json"));
        for (int depth = 0; node.has("manifests") && depth < 8; depth++) {
          JsonNode chosen = null;
          for (JsonNode d : node.path("manifests")) {
            String arch = d.path("platform").path("architecture").asText("");
            if (chosen == null || arch.equals("amd64") && !chosen.path("platform").path("architecture").asText("").equals("amd64")) {
              if (!d.path("platform").path("architecture").asText("").equals("unknown")) {
                chosen = d;
              }
            }
            String ref = d.path("annotations").path("org.opencontainers.image.ref.name").asText(null);
            if (ref != null && depth == 0) {
              tags.add(ref);
            }
          }
          if (chosen == null) {
            throw new StagebenchException(Category.ENVIRONMENT, source + ": index.json lists no image manifest");
          }
          node = JSON.readTree(jsonAt(blobPath(chosen.path("digest").asText(null)), "the image manifest"));
        }
        configPath = blobPath(node.path("config").path("digest").asText(null));
        for (JsonNode l : node.path("layers")) {
          layerPaths.add(blobPath(l.path("digest").asText(null)));
        }
      } else {
        throw new StagebenchException(Category.ENVIRONMENT, source + " has neither manifest.json nor index.json: not a docker save archive or OCI layout");
      }
      byte[] configBytes = jsonAt(configPath, "the image config");
      JsonNode config = JSON.readTree(configBytes);
      String configDigest = "sha256:" + HexFormat.of().formatHex(LayerScanner.sha256().digest(configBytes));
      List<String> diffIds = new ArrayList<>();
      for (JsonNode d : config.path("rootfs").path("diff_ids")) {
        diffIds.add(d.asText());
      }
      List<String> createdBy = new ArrayList<>();
      for (JsonNode h : config.path("history")) {
        if (!h.path("empty_layer").asBoolean(false)) {
          createdBy.add(h.path("created_by").asText(null));
        }
      }
      List<Layer> layers = new ArrayList<>();
      for (int i = 0; i < layerPaths.size(); i++) {
        String p = resolve(layerPaths.get(i));
        LayerScan s = scans.get(p);
        if (s == null) {
          throw new StagebenchException(Category.ENVIRONMENT, source + " lacks layer " + (i + 1) + " (" + layerPaths.get(i) + "); the archive is incomplete, export the image again");
        }
        if (i < diffIds.size() && !diffIds.get(i).equals(s.diffId())) {
          throw new StagebenchException(Category.ENVIRONMENT, source + ": layer " + (i + 1) + " does not match its diff ID " + diffIds.get(i) + " (content is " + s.diffId() + "); the archive is damaged");
        }
        layers.add(new Layer(i, i < createdBy.size() ? createdBy.get(i) : null, s));
      }
      if (diffIds.size() != layers.size()) {
        throw new StagebenchException(Category.ENVIRONMENT, source + ": the config lists " + diffIds.size() + " layers but the manifest " + layers.size() + "; the archive is damaged");
      }
      return new ImageArchive(format, configDigest, List.copyOf(tags), config, List.copyOf(layers));
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, source + ": unreadable manifest (" + LayerScanner.msg(e) + ")", e);
    }
  }
}
