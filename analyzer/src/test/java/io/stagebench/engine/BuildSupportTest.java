package io.stagebench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.dockerfile.DockerfileParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildSupportTest {
  private static Optional<String> why(String dockerfile, String builder) throws Exception {
    return BuildSupport.unsupported(DockerfileParser.parse(dockerfile), builder);
  }

  @Test
  void plainDockerfileIsFineForBoth() throws Exception {
    String df = "FROM debian\nCOPY . /src\nRUN make\n";
    assertThat(why(df, "classic")).isEmpty();
    assertThat(why(df, "buildkit")).isEmpty();
  }

  @Test
  void buildKitSyntaxIsUnsupportedOnClassic() throws Exception {
    assertThat(why("FROM debian\nRUN --mount=type=cache,target=/root/.cache make\n", "classic"))
        .hasValueSatisfying(r -> assertThat(r).contains("RUN --mount").contains("line 2"));
    assertThat(why("FROM debian\nCOPY --link . /src\n", "classic")).hasValueSatisfying(r -> assertThat(r).contains("--link"));
    assertThat(why("# syntax=docker/dockerfile:1\nFROM debian\n", "classic")).hasValueSatisfying(r -> assertThat(r).contains("syntax"));
    assertThat(why("FROM debian\nRUN <<EOF\necho hi\nEOF\n", "classic")).hasValueSatisfying(r -> assertThat(r).contains("here-documents"));
    assertThat(why("FROM debian\nRUN --mount=type=cache,target=/c make\n", "buildkit")).isEmpty();
  }

  @Test
  void sessionMountsAreUnsupportedOnBuildKit() throws Exception {
    assertThat(why("FROM debian\nRUN --mount=type=secret,id=tok cat /run/secrets/tok\n", "buildkit"))
        .hasValueSatisfying(r -> assertThat(r).contains("type=secret").contains("client session"));
    assertThat(why("FROM debian\nRUN --mount=type=ssh git clone x\n", "buildkit"))
        .hasValueSatisfying(r -> assertThat(r).contains("type=ssh"));
  }
}
