package io.stagebench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void anEngineErrorIsARefusalInTheEnginesOwnWords() {
    EngineException e = Failures.of("cannot inspect image x", new NotFoundException("{\"message\":\"No such image: x:latest\"}\n"));
    assertThat(e).isInstanceOf(RequestRefusedException.class);
    assertThat(((RequestRefusedException) e).status()).isEqualTo(404);
    assertThat(e.getMessage()).isEqualTo("cannot inspect image x: No such image: x:latest");
    assertThat(Failures.of("cannot remove image x", new ConflictException("conflict: unable to delete\nmore")).getMessage())
        .isEqualTo("cannot remove image x: Status 409: conflict: unable to delete");
    assertThat(Failures.engineMessage(new DockerException("", 500))).isEqualTo("HTTP 500");
  }

  @Test
  void anythingElseIsAnEngineThatDidNotAnswer() {
    EngineException e = Failures.of("cannot start container abc",
        new UncheckedIOException(new IOException("Connection refused")));
    assertThat(e).isNotInstanceOf(RequestRefusedException.class);
    assertThat(e.getMessage()).isEqualTo("cannot start container abc: Connection refused");
  }

  @Test
  void idsAreShortenedLikeTheCli() {
    assertThat(Failures.shortId("sha256:0123456789abcdef0123")).isEqualTo("0123456789ab");
    assertThat(Failures.shortId("abc")).isEqualTo("abc");
  }
}
