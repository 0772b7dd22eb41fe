package io.stagebench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trace decoder and both builders' step accounting on streams recorded from the real engine
 * (Docker 20.10.24, API 1.41) building {@code buildkit/Dockerfile.recorded}: a WORKDIR, a COPY and a
 * RUN after the FROM, then an ENV.
 */
class BuildKitTraceDecoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> messages(String name) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = BuildKitTraceDecoderTest.class.getResourceAsStream("/buildkit/" + name);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  private static BuildKitBuilder.Trace trace(String name, List<String> logLines) throws IOException {
    BuildKitBuilder.Trace t = new BuildKitBuilder.Trace();
    for (JsonNode m : messages(name)) {
      if (m.path("id").asText().equals("moby.buildkit.trace")) {
        logLines.addAll(t.apply(BuildKitTraceDecoder.decodeBase64(m.get("aux").asText())));
      }
    }
    return t;
  }

  @Test
  void coldBuildExecutesWorkdirCopyAndRun() throws IOException {
    List<String> log = new ArrayList<>();
    List<BuildStep> steps = trace("cold.jsonl", log).steps();
    assertThat(steps).extracting(BuildStep::name)
        .containsExactly("[2/4] WORKDIR /app", "[3/4] COPY a.txt .", "[4/4] RUN echo hello && cat a.txt > b.txt");
    assertThat(steps).allMatch(s -> s.status() == BuildStep.Status.EXECUTED);
    assertThat(steps).allMatch(s -> s.durationMillis() >= 0 && s.durationMillis() < 60_000);
    assertThat(log).anyMatch(l -> l.contains("hello"));
    assertThat(log).anyMatch(l -> l.contains("[internal] load remote build context"));
  }

  @Test
  void warmBuildHasEveryStepCached() throws IOException {
    List<BuildStep> steps = trace("warm.jsonl", new ArrayList<>()).steps();
    assertThat(steps).hasSize(3).allMatch(s -> s.status() == BuildStep.Status.CACHED);
  }

  @Test
  void failedBuildCarriesTheVertexErrorAndOutput() throws IOException {
    List<String> log = new ArrayList<>();
    trace("fail.jsonl", log);
    assertThat(log).anyMatch(l -> l.contains("boom"));
    assertThat(log).anyMatch(l -> l.contains("ERROR: ") && l.contains("exit code: 3"));
  }

  @Test
  void rawVertexFieldsAndUnknownFieldsAreDecoded() {
    // Vertex{digest="d", inputs=["i"], name="[1/1] RUN x", cached=true, started={5s,7ns}, completed={6s}, error="", field 9 varint}
    byte[] ts1 = {0x08, 0x05, 0x10, 0x07};
    byte[] ts2 = {0x08, 0x06};
    byte[] name = "[1/1] RUN x".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    v.write(0x0a); v.write(1); v.write('d');
    v.write(0x12); v.write(1); v.write('i');
    v.write(0x1a); v.write(name.length); v.writeBytes(name);
    v.write(0x20); v.write(1);
    v.write(0x2a); v.write(ts1.length); v.writeBytes(ts1);
    v.write(0x32); v.write(ts2.length); v.writeBytes(ts2);
    v.write(0x48); v.write(0x96); v.write(0x01); // field 9, varint 150: unknown, skipped
    byte[] vb = v.toByteArray();
    ByteArrayOutputStream msg = new ByteArrayOutputStream();
    msg.write(0x0a); msg.write(vb.length); msg.writeBytes(vb);
    msg.write(0x15); msg.writeBytes(new byte[] {1, 2, 3, 4}); // field 2, fixed32: skipped
    BuildKitTraceDecoder.Status s = BuildKitTraceDecoder.decode(msg.toByteArray());
    assertThat(s.vertexes()).singleElement().satisfies(x -> {
      assertThat(x.digest()).isEqualTo("d");
      assertThat(x.inputs()).containsExactly("i");
      assertThat(x.name()).isEqualTo("[1/1] RUN x");
      assertThat(x.cached()).isTrue();
      assertThat(x.startedNanos()).isEqualTo(5_000_000_007L);
      assertThat(x.completedNanos()).isEqualTo(6_000_000_000L);
    });
    assertThatThrownBy(() -> BuildKitTraceDecoder.decode(new byte[] {0x0a, 0x7f, 0x01}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past the end");
  }

  private static List<BuildStep> classic(String name) throws IOException {
    ClassicBuilder.StepParser p = new ClassicBuilder.StepParser();
    long t = 0;
    StringBuilder pending = new StringBuilder();
    for (JsonNode m : messages(name)) {
      if (m.has("stream")) {
        pending.append(m.get("stream").asText());
        int nl;
        while ((nl = pending.indexOf("\n")) >= 0) {
          String line = pending.substring(0, nl).strip();
          pending.delete(0, nl + 1);
          if (!line.isEmpty()) {
            p.line(line, t += 1_000_000);
          }
        }
      }
    }
    p.finish(t + 1_000_000);
    return p.steps();
  }

  @Test
  void classicStreamCountsFilesystemStepsOnly() throws IOException {
    List<BuildStep> cold = classic("classic-cold.jsonl");
    assertThat(cold).extracting(BuildStep::name)
        .containsExactly("WORKDIR /app", "COPY a.txt .", "RUN echo hello && cat a.txt > b.txt");
    assertThat(cold).allMatch(s -> s.status() == BuildStep.Status.EXECUTED && s.durationMillis() > 0);
    List<BuildStep> warm = classic("classic-warm.jsonl");
    assertThat(warm).hasSize(3).allMatch(s -> s.status() == BuildStep.Status.CACHED);
  }
}
