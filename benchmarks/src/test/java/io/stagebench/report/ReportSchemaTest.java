package io.stagebench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report the repository carries conforms to the committed schema, and the schema refuses
 * what the reader refuses: unknown fields, a missing field, another schema version, wrong types.
 */
class ReportSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> committedReports() throws Exception {
    Path root = Path.of("..");
    Stream<Path> resources;
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/reports"))) {
      resources = s.filter(p -> p.toString().endsWith(".json")).toList().stream();
    }
    return Stream.concat(Stream.of(root.resolve("reports/baseline/report.json"), root.resolve("reports/docs/report.json")),
        resources);
  }

  @ParameterizedTest
  @MethodSource("committedReports")
  void committedReportsConform(Path report) {
    assertThat(ReportSchema.problems(report)).as(report.toString()).isEmpty();
  }

  @Test
  void aReportReadAndWrittenAgainStillConforms() throws Exception {
    Report r = ReportStore.read(Path.of("../reports/baseline/report.json"));
    assertThat(ReportSchema.problems(r)).isEmpty();
  }

  @Test
  void aBaseImageTheEngineLackedHasNoIdRatherThanANullOne() throws Exception {
    Report r = ReportStore.read(Path.of("../reports/baseline/report.json"));
    Map<String, Report.BaseImage> bases = new LinkedHashMap<>(r.environment().baseImages());
    bases.replaceAll((arg, b) -> new Report.BaseImage(b.image(), null));
    Report.Environment e = r.environment();
    Report unknown = new Report(r.schemaVersion(), r.tool(), r.run(),
        new Report.Environment(e.engine(), e.host(), e.profile(), bases), r.fixtures(), r.failures());
    assertThat(ReportSchema.problems(unknown)).isEmpty();
    assertThat(ReportStore.MAPPER.writeValueAsString(unknown)).doesNotContain("\"id\" : null");
  }

  @Test
  void theSchemaRefusesWhatTheReaderRefuses() throws Exception {
    ObjectNode base = (ObjectNode) JSON.readTree(Path.of("src/test/resources/reports/several.json").toFile());

    ObjectNode otherVersion = base.deepCopy();
    otherVersion.put("schemaVersion", 2);
    assertThat(ReportSchema.problems(otherVersion)).anyMatch(m -> m.contains("schemaVersion"));

    ObjectNode unknown = base.deepCopy();
    unknown.put("surprise", true);
    assertThat(ReportSchema.problems(unknown)).anyMatch(m -> m.contains("surprise"));

    ObjectNode noRun = base.deepCopy();
    noRun.remove("run");
    assertThat(ReportSchema.problems(noRun)).anyMatch(m -> m.contains("run"));

    ObjectNode badSize = base.deepCopy();
    ObjectNode build = (ObjectNode) ((ArrayNode) ((ObjectNode) ((ArrayNode) base.get("fixtures")).get(0))
        .get("variants")).get(0).get("builds").get(0);
    ObjectNode image = build.get("image").deepCopy();
    image.put("sizeBytes", -1);
    ((ObjectNode) badSize.get("fixtures").get(0).get("variants").get(0).get("builds").get(0)).set("image", image);
    assertThat(ReportSchema.problems(badSize)).anyMatch(m -> m.contains("sizeBytes"));

    ObjectNode badScenario = base.deepCopy();
    ((ObjectNode) badScenario.get("fixtures").get(0).get("variants").get(0).get("builds").get(0).get("scenarios"))
        .set("lukewarm", JSON.createObjectNode());
    assertThat(ReportSchema.problems(badScenario)).isNotEmpty();

    ObjectNode absolutePath = base.deepCopy();
    ((ObjectNode) absolutePath.get("fixtures").get(0)).put("path", "/home/someone/fixtures/x");
    assertThat(ReportSchema.problems(absolutePath)).isNotEmpty();
  }

  @Test
  void theSchemaIsInTheRepositoryWhereTheDocsSayItIs() {
    assertThat(ReportSchema.FILE).exists();
    assertThat(Path.of("../docs/report.md")).content().contains("reports/schema/report.schema.json");
  }
}
