package io.stagebench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The committed JSON Schema of report.json, for tests: {@code reports/schema/report.schema.json}. */
public final class ReportSchema {
  /** The schema file, from the benchmarks module's directory (where Maven runs tests). */
  public static final Path FILE = Path.of("..", "reports", "schema", "report.schema.json");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  private ReportSchema() {}

  /** The problems of {@code report} against the schema, one line each; empty when it conforms. */
  public static List<String> problems(JsonNode report) {
    return load().validate(report).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** {@link #problems(JsonNode)} of a report file. */
  public static List<String> problems(Path file) {
    try {
      return problems(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #problems(JsonNode)} of a report as the tool would write it. */
  public static List<String> problems(Report report) {
    return problems(ReportStore.MAPPER.valueToTree(report));
  }

  private static synchronized JsonSchema load() {
    if (schema == null) {
      try (InputStream in = Files.newInputStream(FILE)) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }
}
