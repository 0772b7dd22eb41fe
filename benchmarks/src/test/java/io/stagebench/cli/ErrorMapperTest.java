package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine;

class ErrorMapperTest {
  @Test
  void everyCategoryHasItsDocumentedExitCode() {
    assertThat(ErrorMapper.exitCode(new StagebenchException(Category.CHECK_FAILED, "x"))).isEqualTo(1);
    assertThat(ErrorMapper.exitCode(new StagebenchException(Category.USAGE, "x"))).isEqualTo(2);
    assertThat(ErrorMapper.exitCode(new StagebenchException(Category.ENVIRONMENT, "x"))).isEqualTo(3);
    assertThat(ErrorMapper.exitCode(new StagebenchException(Category.BUILD_FAILED, "x"))).isEqualTo(4);
    assertThat(ErrorMapper.exitCode(new InterruptedException())).isEqualTo(130);
    assertThat(ErrorMapper.exitCode(new IOException("disk"))).isEqualTo(3);
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      throw new StagebenchException(Category.BUILD_FAILED, "fixture node failed:\nsee log");
    }
  }

  @Test
  void aThrownErrorIsOneLineOnStderrWithItsCodeAndNoStackTrace() {
    CommandLine cl = Main.commandLine();
    cl.addSubcommand(new Boom());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("boom");
    assertThat(code).isEqualTo(4);
    assertThat(err.toString()).isEqualTo("stagebench: fixture node failed: see log" + System.lineSeparator());
  }

  @Test
  void usageErrorsExitTwo() {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("no-such-command")).isEqualTo(2);
    assertThat(err.toString()).startsWith("stagebench: Unmatched argument").contains("--help");
    assertThat(cl.execute("doctor", "--no-such-option")).isEqualTo(2);
  }

  @Test
  void helpAndVersionExitZero() {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString()).contains("doctor", "bases", "clean", "Exit codes:");
    assertThat(cl.execute("--version")).isZero();
    assertThat(out.toString()).contains("stagebench ");
  }
}
