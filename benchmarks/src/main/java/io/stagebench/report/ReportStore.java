package io.stagebench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes reports. Writes go to a temporary file in the same directory, then a rename. */
public final class ReportStore {
  /** The one mapper for reports: stable order, indented, strict on reading. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private ReportStore() {}

  /**
   * Writes {@code report} to {@code file} atomically: a reader sees the old file or the new one,
   * never half of one.
   *
   * @throws IOException when the directory cannot be written
   */
  public static void write(Path file, Report report) throws IOException {
    writeBytes(file, MAPPER.writeValueAsBytes(report));
  }

  /** Writes bytes atomically (temporary file in the same directory, then rename). */
  public static void writeBytes(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads a report.
   *
   * @throws StagebenchException (environment) when the file is unreadable, not a stagebench
   *     report, or of another schema version
   */
  public static Report read(Path file) throws StagebenchException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new StagebenchException(Category.ENVIRONMENT, file + " is not a stagebench report (not JSON); pass a report.json written by `stagebench bench`");
    } catch (IOException e) {
      throw new StagebenchException(Category.ENVIRONMENT, "cannot read " + file + ": " + e.getMessage());
    }
    if (tree == null || !tree.isObject() || !tree.has("schemaVersion") || !tree.path("tool").path("name").asText("").equals("stagebench")) {
      throw new StagebenchException(Category.ENVIRONMENT, file + " is not a stagebench report (no schemaVersion or tool); pass a report.json written by `stagebench bench`");
    }
    int v = tree.get("schemaVersion").asInt(-1);
    if (v != Report.SCHEMA_VERSION) {
      throw new StagebenchException(Category.ENVIRONMENT, file + " has report schema version " + v + ", this stagebench reads version "
          + Report.SCHEMA_VERSION + "; regenerate it with this version");
    }
    try {
      return MAPPER.treeToValue(tree, Report.class);
    } catch (JsonProcessingException e) {
      throw new StagebenchException(Category.ENVIRONMENT, file + " is a malformed report: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
  }
}
