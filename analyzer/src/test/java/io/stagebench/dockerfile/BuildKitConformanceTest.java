package io.stagebench.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** BuildKit's own parser test corpus: every dump byte for byte, every negative case rejected. */
class BuildKitConformanceTest {

  static Stream<Arguments> positive() {
    return Corpus.cases("testfiles").stream().map(p -> Arguments.of(p.getFileName().toString(), p));
  }

  static Stream<Arguments> negative() {
    return Corpus.cases("testfiles-negative").stream()
        .map(p -> Arguments.of(p.getFileName().toString(), p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positive")
  void dumpMatchesBuildKit(String name, Path dir) throws Exception {
    byte[] source = Files.readAllBytes(dir.resolve("Dockerfile"));
    String expected = Files.readString(dir.resolve("result"), StandardCharsets.UTF_8);
    Dockerfile df = DockerfileParser.parseSyntax(DockerfileParser.decode(source));
    assertThat(BuildKitDump.dump(df)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negative")
  void negativeCaseIsRejected(String name, Path dir) throws IOException {
    byte[] source = Files.readAllBytes(dir.resolve("Dockerfile"));
    assertThatThrownBy(() -> DockerfileParser.parseSyntax(DockerfileParser.decode(source)))
        .isInstanceOf(DockerfileParseException.class);
  }

  @Test
  void lineRangesMatchBuildKit() throws Exception {
    Path file = Corpus.root().resolve("testfile-line/Dockerfile");
    Dockerfile df = DockerfileParser.parse(file);
    List<Instruction> all = df.instructions();
    assertThat(all).hasSize(3);
    assertThat(all.get(0).startLine()).isEqualTo(5);
    assertThat(all.get(0).endLine()).isEqualTo(5);
    assertThat(all.get(1).startLine()).isEqualTo(11);
    assertThat(all.get(1).endLine()).isEqualTo(12);
    assertThat(all.get(2).startLine()).isEqualTo(17);
    assertThat(all.get(2).endLine()).isEqualTo(31);
    assertThat(all.get(0).startLine()).isEqualTo(5);
    assertThat(all.get(all.size() - 1).endLine()).isEqualTo(31);
  }
}
