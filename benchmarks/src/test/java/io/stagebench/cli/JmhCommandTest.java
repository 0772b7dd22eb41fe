package io.stagebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class JmhCommandTest {
  @Test
  void jmhOptionsReachJmhInTheirOrder() {
    CommandLine cl = Main.commandLine();
    cl.parseArgs("jmh", "BuildScenario", "-p", "scenario=warm", "-f", "1", "-rf", "json", "-rff", "out.json");
    JmhCommand jmh = cl.getSubcommands().get("jmh").getCommand();
    List<String> all = new ArrayList<>(jmh.args);
    all.addAll(jmh.unmatched);
    assertThat(all).containsExactly("BuildScenario", "-p", "scenario=warm", "-f", "1", "-rf", "json", "-rff", "out.json");
  }
}
