package io.stagebench.engine;

import io.stagebench.Units;
import io.stagebench.dockerfile.DockerIgnore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A build context as the docker CLI sends it: the context directory as an uncompressed tar,
 * honouring {@code .dockerignore} ({@link DockerIgnore}), with the Dockerfile and the
 * {@code .dockerignore} itself always included. Entries are in sorted order and owned by 0:0, as the
 * CLI sends them. The tar is written to a temporary file so its size is known before it is sent.
 */
public final class BuildContext implements AutoCloseable {
  /** Above this size a context gets a warning. */
  public static final long WARN_BYTES = 50L * 1024 * 1024;

  private final Path tarFile;
  private final long bytes;
  private final List<String> entries;
  private final List<String> warnings;

  private BuildContext(Path tarFile, long bytes, List<String> entries, List<String> warnings) {
    this.tarFile = tarFile;
    this.bytes = bytes;
    this.entries = List.copyOf(entries);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * The context of {@code req}, packed for a builder: a failure to read it fails the build.
   *
   * @throws BuildFailedException when the context directory cannot be read or its .dockerignore
   *     has a malformed pattern (docker build fails on it too)
   */
  static BuildContext packFor(BuildRequest req) throws BuildFailedException {
    try {
      return pack(req.contextDir(), req.dockerfile());
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new BuildFailedException("cannot pack the build context " + req.contextDir() + ": "
          + Engine.rootMessage(e), List.of());
    }
  }

  /**
   * Packs {@code contextDir}.
   *
   * @param dockerfile the Dockerfile's path relative to the context; always sent
   */
  public static BuildContext pack(Path contextDir, String dockerfile) throws IOException {
    Path dir = contextDir.toAbsolutePath().normalize();
    DockerIgnore ignore = DockerIgnore.load(dir);
    String df = DockerIgnore.clean(dockerfile.replace('\\', '/'));
    List<String> names = new ArrayList<>();
    Path tmp = Files.createTempFile("stagebench-context-", ".tar");
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(os)) {
      // GNU long names and whole-second times: no PAX header, which the engine's BuildKit context
      // sniffing takes for a Dockerfile when it comes first
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      walk(dir, dir, ignore, df, tar, names);
      tar.finish();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    long size = Files.size(tmp);
    List<String> warnings = new ArrayList<>();
    if (size > WARN_BYTES) {
      warnings.add("the build context of " + dir.getFileName() + " is " + Units.bytes(size)
          + "; add large files that the build does not need to .dockerignore");
    }
    return new BuildContext(tmp, size, names, warnings);
  }

  private static void walk(Path root, Path dir, DockerIgnore ignore, String dockerfile,
      TarArchiveOutputStream tar, List<String> names) throws IOException {
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = s.sorted().toList();
    }
    for (Path p : children) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      boolean always = rel.equals(dockerfile) || rel.equals(".dockerignore");
      boolean excluded = !always && ignore.excluded(rel);
      boolean isDir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
      if (isDir) {
        if (excluded) {
          if (ignore.mayReinclude(rel) || dockerfile.startsWith(rel + "/")) {
            walk(root, p, ignore, dockerfile, tar, names);
          }
          continue;
        }
        TarArchiveEntry e = new TarArchiveEntry(rel + "/");
        attributes(e, p);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
        names.add(rel + "/");
        walk(root, p, ignore, dockerfile, tar, names);
        continue;
      }
      if (excluded) {
        continue;
      }
      if (Files.isSymbolicLink(p)) {
        TarArchiveEntry e = new TarArchiveEntry(rel, TarConstants.LF_SYMLINK);
        e.setLinkName(Files.readSymbolicLink(p).toString());
        attributes(e, p);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        TarArchiveEntry e = new TarArchiveEntry(rel);
        attributes(e, p);
        e.setSize(Files.size(p));
        tar.putArchiveEntry(e);
        try (InputStream in = Files.newInputStream(p)) {
          in.transferTo(tar);
        }
        tar.closeArchiveEntry();
      } else {
        continue; // sockets, fifos and devices are not sent
      }
      names.add(rel);
    }
  }

  private static void attributes(TarArchiveEntry e, Path p) throws IOException {
    int mode = 0;
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
      for (PosixFilePermission perm : perms) {
        mode |= 1 << (8 - perm.ordinal());
      }
    } catch (UnsupportedOperationException e2) {
      mode = Files.isDirectory(p) ? 0755 : 0644;
    }
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | mode);
    } else if (Files.isSymbolicLink(p)) {
      e.setMode(0120000 | 0777);
    } else {
      e.setMode(0100000 | mode);
    }
    e.setModTime(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000 * 1000);
    e.setIds(0, 0);
    e.setNames("", "");
  }

  /** The tar, uncompressed, to send as the request body. */
  public InputStream open() throws IOException {
    return Files.newInputStream(tarFile);
  }

  /** The size of the tar in bytes. */
  public long bytes() {
    return bytes;
  }

  /** The entries sent, in order (directories end with {@code /}). */
  public List<String> entries() {
    return entries;
  }

  /** Warnings for the user (a context above 50 MB). */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(tarFile);
    } catch (IOException e) {
      tarFile.toFile().deleteOnExit();
    }
  }
}
