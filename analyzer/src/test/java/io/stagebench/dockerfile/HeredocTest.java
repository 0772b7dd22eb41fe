package io.stagebench.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Heredoc markers and bodies, case by case, as BuildKit reads them. */
class HeredocTest {

  static Stream<Arguments> markers() {
    return Stream.of(
        Arguments.of("RUN <<EOF", List.of("EOF")),
        Arguments.of("RUN <<-EOF", List.of("EOF")),
        Arguments.of("RUN <<- EOF", List.of("EOF")),
        Arguments.of("RUN << -EOF", List.of("-EOF")),
        Arguments.of("RUN <<  EOF  > foo", List.of("EOF")),
        Arguments.of("RUN <<'EOF'", List.of("EOF")),
        Arguments.of("RUN 4<<EOF", List.of("EOF")),
        Arguments.of("RUN <<EOF <<EOF2", List.of("EOF", "EOF2")),
        Arguments.of("RUN '<<EOF'", List.of()),
        Arguments.of("RUN \"<<EOF\"", List.of()),
        Arguments.of("RUN cat<<EOF", List.of()),
        Arguments.of("RUN <<<EOF", List.of()),
        Arguments.of("RUN <<eo'f'", List.of("eof")),
        Arguments.of("RUN <<eo\\'f", List.of("eo'f")),
        Arguments.of("RUN <<'one two'", List.of("one two")),
        Arguments.of("RUN <<$EOF", List.of("$EOF")),
        Arguments.of("COPY <<file.txt /dest", List.of("file.txt")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("markers")
  void markerNames(String line, List<String> names) throws Exception {
    assertThat(Heredocs.specs(line)).extracting(Heredocs.Spec::name).isEqualTo(names);
  }

  @Test
  void expansionIsOffWhenAnyPartIsQuoted() throws Exception {
    assertThat(Heredocs.parse("<<EOF").expand()).isTrue();
    assertThat(Heredocs.parse("<<'EOF'").expand()).isFalse();
    assertThat(Heredocs.parse("<<\"EOF\"").expand()).isFalse();
    assertThat(Heredocs.parse("<<EO\"F\"").expand()).isFalse();
    assertThat(Heredocs.parse("<<eo\\'f").expand()).isTrue();
    assertThat(Heredocs.parse("3<<X").fileDescriptor()).isEqualTo(3);
  }

  @Test
  void unbalancedQuotesInAMarkerAreErrors() {
    for (String bad : List.of("<<'EOF", "<<\"EOF", "<<EOF'", "<<EOF\"")) {
      assertThatThrownBy(() -> Heredocs.parse(bad)).isInstanceOf(ShellSyntaxException.class);
    }
  }

  @Test
  void bodies() throws Exception {
    String src =
        "FROM alpine\n"
            + "USER <<INVALID\n"
            + "WORKDIR /INVALID\n"
            + "RUN <<EMPTY\n"
            + "EMPTY\n"
            + "RUN <<INDENT\n\tfoo\n\tbar\nINDENT\n"
            + "RUN <<-UNINDENT2\n\tbaz\n\tUNINDENT2\n"
            + "RUN <<COMMENT\n# internal comment\necho x # trailing\nCOMMENT\n"
            + "COPY <<X <<Y /dest\nY\nX\nX\nY\n";
    Dockerfile df = DockerfileParser.parseSyntax(src);
    // USER takes no heredoc: the next line is an instruction of its own
    assertThat(df.instructions().get(1).heredocs()).isEmpty();
    assertThat(df.instructions().get(2).keyword()).isEqualTo("WORKDIR");
    List<Instruction> runs = df.instructions("RUN");
    assertThat(runs.get(0).heredocs().get(0).content()).isEmpty();
    assertThat(runs.get(1).heredocs().get(0).content()).isEqualTo("\tfoo\n\tbar\n");
    assertThat(runs.get(2).heredocs().get(0).content()).isEqualTo("\tbaz\n");
    assertThat(runs.get(3).heredocs().get(0).content())
        .isEqualTo("# internal comment\necho x # trailing\n");
    assertThat(df.comments()).isEmpty();
    Instruction copy = df.instructions("COPY").get(0);
    assertThat(copy.heredocs())
        .extracting(Heredoc::name, Heredoc::content)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("X", "Y\n"),
            org.assertj.core.groups.Tuple.tuple("Y", "X\n"));
  }
}
