package io.stagebench.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  private static Dockerfile parse(String s) throws DockerfileParseException {
    return DockerfileParser.parse(s);
  }

  private static Instruction first(String s, String keyword) throws DockerfileParseException {
    return parse(s).instructions(keyword).get(0);
  }

  @Test
  void directivesAreReadAtTheTopOnly() throws Exception {
    Dockerfile df =
        parse("# syntax=docker/dockerfile:1\n# check=skip=all\n# escape=`\n\nFROM a\n# escape=\\\n");
    assertThat(df.directive("syntax")).contains("docker/dockerfile:1");
    assertThat(df.directive("check")).contains("skip=all");
    assertThat(df.escapeChar()).isEqualTo('`');
    assertThat(df.comments()).extracting(Comment::line).containsExactly(6);
  }

  @Test
  void aCommentBeforeTheDirectiveEndsDirectives() throws Exception {
    Dockerfile df = parse("# hello\n# escape=`\nFROM a\nRUN a \\\n b\n");
    assertThat(df.escapeChar()).isEqualTo('\\');
    assertThat(df.instructions("RUN").get(0).arguments()).containsExactly("a  b");
  }

  @Test
  void duplicateOrInvalidDirectivesAreErrors() {
    assertThatThrownBy(() -> parse("# escape=`\n# escape=\\\nFROM a\n"))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("only one escape parser directive");
    assertThatThrownBy(() -> parse("# escape=x\nFROM a\n"))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("invalid escape token");
  }

  @Test
  void backtickEscapeContinuesLines() throws Exception {
    Instruction run = first("# escape=`\nFROM a\nRUN dir c:\\ `\n  && echo hi\n", "RUN");
    assertThat(run.arguments()).containsExactly("dir c:\\   && echo hi");
    assertThat(run.startLine()).isEqualTo(3);
    assertThat(run.endLine()).isEqualTo(4);
  }

  @Test
  void continuationsSkipCommentsAndBlankLines() throws Exception {
    Dockerfile df = parse("FROM a\nRUN a \\\n# inside\n\n  b\nUSER x\n");
    Instruction run = df.instructions("RUN").get(0);
    assertThat(run.arguments()).containsExactly("a   b");
    assertThat(run.endLine()).isEqualTo(5);
    assertThat(df.comments()).containsExactly(new Comment(3, "inside"));
    assertThat(df.emptyContinuationLines()).containsExactly(4);
  }

  @Test
  void crlfAndBomAreAccepted() throws Exception {
    Dockerfile df = parse("\uFEFF# escape=`\r\nFROM a\r\nRUN x `\r\n y\r\n");
    assertThat(df.escapeChar()).isEqualTo('`');
    assertThat(df.instructions("RUN").get(0).arguments()).containsExactly("x  y");
  }

  @Test
  void keywordsAreCaseInsensitive() throws Exception {
    Dockerfile df = parse("from alpine AS Build\nrUn echo\n");
    assertThat(df.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN");
    assertThat(df.stages().get(0).name()).contains("build");
  }

  @Test
  void execFormAndInvalidJsonFallback() throws Exception {
    Dockerfile df = parse("FROM a\nCMD [\"a\", \"b c\"]\nENTRYPOINT ['x']\nRUN [\"x\"] trailing\n");
    Instruction cmd = df.instructions("CMD").get(0);
    assertThat(cmd.json()).isTrue();
    assertThat(cmd.arguments()).containsExactly("a", "b c");
    Instruction ep = df.instructions("ENTRYPOINT").get(0);
    assertThat(ep.json()).isFalse();
    assertThat(ep.arguments()).containsExactly("['x']");
    assertThat(df.instructions("RUN").get(0).isShellForm()).isTrue();
  }

  @Test
  void nonStringJsonIsAnError() {
    assertThatThrownBy(() -> parse("FROM a\nCMD [\"a\", 1]\n"))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("strings only");
  }

  @Test
  void flagsOnEveryInstruction() throws Exception {
    Dockerfile df =
        parse(
            "FROM --platform=$BUILDPLATFORM golang AS build\n"
                + "RUN --mount=type=cache,target=/root/.cache --network=none go build\n"
                + "FROM scratch\n"
                + "COPY --from=build --chown=1:1 --chmod=755 --link /out /app\n"
                + "HEALTHCHECK --interval=5s --start-period=1s CMD true\n");
    Instruction run = df.instructions("RUN").get(0);
    assertThat(run.flagValue("mount")).contains("type=cache,target=/root/.cache");
    assertThat(run.flagValue("network")).contains("none");
    assertThat(run.arguments()).containsExactly("go build");
    Instruction copy = df.instructions("COPY").get(0);
    assertThat(copy.flags()).extracting(Flag::name).containsExactly("from", "chown", "chmod", "link");
    assertThat(copy.flag("link").get().value()).isEmpty();
    assertThat(copy.flag("link").get().valueOrTrue()).isEqualTo("true");
    assertThat(df.stages().get(0).platform()).contains("$BUILDPLATFORM");
    Instruction hc = df.instructions("HEALTHCHECK").get(0);
    assertThat(hc.arguments()).containsExactly("CMD", "true");
    assertThat(hc.flagValue("start-period")).contains("1s");
    assertThat(Mount.parse(run.flagValue("mount").get()).target()).contains("/root/.cache");
  }

  @Test
  void unknownFlagIsAnErrorOnlyInStrictMode() throws Exception {
    assertThatThrownBy(() -> parse("FROM a\nCOPY --user=me a b\n"))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("unknown flag: user");
    assertThat(DockerfileParser.parseSyntax("FROM a\nCOPY --user=me a b\n").instructions())
        .hasSize(2);
  }

  @Test
  void heredocs() throws Exception {
    String src =
        "FROM a\n"
            + "RUN <<EOF\n"
            + "echo $HOME\n"
            + "EOF\n"
            + "RUN <<-'END' bash\n"
            + "\techo hi\n"
            + "\tEND\n"
            + "RUN cat <<A > /a && cat <<\"B\" > /b\n"
            + "a\n"
            + "A\n"
            + "b\n"
            + "B\n"
            + "COPY <<EOF /dest\n"
            + "x\n"
            + "EOF\n"
            + "USER me\n";
    Dockerfile df = parse(src);
    List<Instruction> runs = df.instructions("RUN");
    Heredoc h = runs.get(0).heredocs().get(0);
    assertThat(h.name()).isEqualTo("EOF");
    assertThat(h.content()).isEqualTo("echo $HOME\n");
    assertThat(h.expand()).isTrue();
    assertThat(h.chomp()).isFalse();
    assertThat(runs.get(0).startLine()).isEqualTo(2);
    assertThat(runs.get(0).endLine()).isEqualTo(4);
    Heredoc chomped = runs.get(1).heredocs().get(0);
    assertThat(chomped.name()).isEqualTo("END");
    assertThat(chomped.expand()).isFalse();
    assertThat(chomped.chomp()).isTrue();
    assertThat(chomped.effectiveContent()).isEqualTo("echo hi\n");
    assertThat(runs.get(2).heredocs())
        .extracting(Heredoc::name, Heredoc::content, Heredoc::expand)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", "a\n", true),
            org.assertj.core.groups.Tuple.tuple("B", "b\n", false));
    Instruction copy = df.instructions("COPY").get(0);
    assertThat(copy.arguments()).containsExactly("<<EOF", "/dest");
    assertThat(copy.heredocs().get(0).content()).isEqualTo("x\n");
    assertThat(df.instructions("USER").get(0).startLine()).isEqualTo(16);
  }

  @Test
  void execFormHasNoHeredoc() throws Exception {
    Instruction run = first("FROM a\nRUN [\"echo\", \"<<EOF\"]\n", "RUN");
    assertThat(run.heredocs()).isEmpty();
  }

  @Test
  void unterminatedHeredocIsAnError() {
    assertThatThrownBy(() -> parse("FROM a\nRUN <<EOF\necho\n"))
        .isInstanceOf(DockerfileParseException.class)
        .satisfies(e -> assertThat(((DockerfileParseException) e).line()).isEqualTo(2))
        .hasMessageContaining("unterminated heredoc");
  }

  @Test
  void onbuildNestsItsTrigger() throws Exception {
    Dockerfile df = parse("FROM a\nONBUILD RUN echo\nONBUILD COPY --from=x . /\n");
    Instruction ob = df.instructions("ONBUILD").get(0);
    assertThat(ob.onbuild()).isPresent();
    assertThat(ob.onbuild().get().keyword()).isEqualTo("RUN");
    assertThat(BuildKitDump.dump(df.instructions("ONBUILD").get(1)))
        .isEqualTo("onbuild (copy [\"--from=x\"] \".\" \"/\")");
  }

  @Test
  void onbuildRejectsForbiddenTriggers() {
    assertThatThrownBy(() -> parse("FROM a\nONBUILD FROM b\n"))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("isn't allowed as an ONBUILD trigger");
  }

  @Test
  void healthcheckNoneAndMaintainer() throws Exception {
    Dockerfile df = parse("FROM a\nMAINTAINER Me <me@x>\nHEALTHCHECK NONE\n");
    assertThat(df.instructions("MAINTAINER").get(0).arguments()).containsExactly("Me <me@x>");
    assertThat(df.instructions("HEALTHCHECK").get(0).arguments()).containsExactly("NONE");
  }

  @Test
  void envLabelArgPairs() throws Exception {
    Dockerfile df =
        parse("ARG V=1 W\nFROM a\nENV A=\"x y\" B=$V\nENV OLD value with spaces\nLABEL k=v\n");
    Instruction env = df.instructions("ENV").get(0);
    assertThat(env.keyValues())
        .containsExactly(
            new KeyValue("A", Optional.of("\"x y\""), "="), new KeyValue("B", Optional.of("$V"), "="));
    assertThat(env.keyValues().get(0).value()).contains("x y");
    assertThat(df.instructions("ENV").get(1).keyValues().get(0).rawValue())
        .contains("value with spaces");
    assertThat(df.globalArgs().get(0).keyValues())
        .containsExactly(new KeyValue("V", Optional.of("1"), "="), new KeyValue("W", Optional.empty(), ""));
  }

  @Test
  void errorsNameLineAndColumn() {
    assertThatThrownBy(() -> parse("FROM a\n  FOO bar\n"))
        .isInstanceOf(DockerfileParseException.class)
        .satisfies(
            e -> {
              DockerfileParseException p = (DockerfileParseException) e;
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isEqualTo(3);
              assertThat(p.reason()).isEqualTo("unknown instruction: FOO");
            });
    assertThatThrownBy(() -> parse("")).isInstanceOf(DockerfileParseException.class);
    assertThatThrownBy(() -> parse("# only\n\n")).isInstanceOf(DockerfileParseException.class);
    assertThatThrownBy(() -> parse("ARG X\nRUN echo\n"))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("no build stage");
    assertThatThrownBy(() -> parse("ARG X\n"))
        .isInstanceOf(DockerfileParseException.class)
        .hasMessageContaining("no FROM");
  }

  @Test
  void pragmaCommentsAreFoundAboveInstructions() throws Exception {
    Dockerfile df = parse("FROM a\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install x\n");
    Instruction run = df.instructions("RUN").get(0);
    assertThat(df.commentOnLineBefore(run).map(Comment::text)).contains("hadolint ignore=DL3008,DL3015");
    assertThat(df.commentOnLineBefore(df.instructions("FROM").get(0))).isEmpty();
  }

  @Test
  void stagesAndHelpers() throws Exception {
    Dockerfile df = parse("FROM a AS one\nRUN x\nRUN y\nFROM one\nCOPY --from=one /a /b\n");
    assertThat(df.stages()).hasSize(2);
    Stage one = df.stage("ONE").orElseThrow();
    assertThat(one.instructions("run")).hasSize(2);
    assertThat(one.endLine()).isEqualTo(3);
    assertThat(df.stage("1")).contains(df.finalStage());
    assertThat(df.stageOf(df.instructions("COPY").get(0))).contains(df.finalStage());
  }
}
