package io.stagebench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Applies fixture edits, always to a temporary copy: the harness never edits files under
 * {@code fixtures/}.
 */
public final class Edits {
  /** The placeholder replaced by a fresh token in edit text. */
  public static final String VALUE = "{{value}}";

  private Edits() {}

  /**
   * Copies a fixture directory (files, directories, symlinks as links, modification times kept so
   * that an unedited copy builds from the same cache) to {@code target}.
   */
  public static void copyTree(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(target.resolve(source.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, target.resolve(source.relativize(file).toString()),
            StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Applies {@code edit} to the file under {@code root} with {@code value} as the fresh token.
   *
   * @throws IOException when the file cannot be read or written
   * @throws IllegalStateException when the edit would leave the file unchanged
   */
  public static void apply(Path root, Fixture.Edit edit, String value) throws IOException {
    Path file = root.resolve(edit.file()).normalize();
    if (!file.startsWith(root.normalize())) {
      throw new IllegalArgumentException("edit file escapes the copy: " + edit.file());
    }
    String before = Files.readString(file, StandardCharsets.UTF_8);
    String after;
    if (edit.append().isPresent()) {
      after = before + edit.append().get().replace(VALUE, value);
    } else {
      String find = edit.find().orElseThrow();
      int at = before.indexOf(find);
      if (at < 0) {
        throw new IllegalStateException(edit.file() + " no longer contains \"" + find + "\"");
      }
      after = before.substring(0, at) + edit.with().orElseThrow().replace(VALUE, value) + before.substring(at + find.length());
    }
    if (after.equals(before)) {
      throw new IllegalStateException("the edit of " + edit.file() + " changed nothing");
    }
    Files.writeString(file, after, StandardCharsets.UTF_8);
  }
}
