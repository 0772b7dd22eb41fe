package io.stagebench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunIdsTest {
  @Test
  void idsAreUniqueSortableTagSafeAndNameTheirProcess() {
    String a = RunIds.next();
    String b = RunIds.next();
    assertThat(a).isNotEqualTo(b).matches("\\d{8}t\\d{6}-p\\d+-[0-9a-f]{4}");
    assertThat(a).contains("-p" + ProcessHandle.current().pid() + "-");
    assertThat(RunIds.tag(a, "node", "multi", "buildkit")).matches("sbrun/node:multi-buildkit-[a-z0-9-]+");
  }

  @Test
  void aRunOfThisProcessIsLive() {
    assertThat(RunIds.liveness(RunIds.next())).isEqualTo(RunIds.Liveness.LIVE);
  }

  @Test
  void aRunWhoseProcessIsGoneIsDead() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    String id = RunIds.next().replace("-p" + ProcessHandle.current().pid() + "-", "-p" + p.pid() + "-");
    assertThat(RunIds.liveness(id)).isEqualTo(RunIds.Liveness.DEAD);
  }

  @Test
  void aPidReusedByALaterProcessIsNotTheOwner() {
    // This process started long after 2001: it cannot own a run of 2001 even with the same pid.
    String id = "20010101t000000-p" + ProcessHandle.current().pid() + "-abcd";
    assertThat(RunIds.liveness(id)).isEqualTo(RunIds.Liveness.DEAD);
  }

  @Test
  void idsOfOtherFormsAreUnknown() {
    assertThat(RunIds.liveness("20261126t210500-3f9a")).isEqualTo(RunIds.Liveness.UNKNOWN);
    assertThat(RunIds.liveness("smoke-it-12")).isEqualTo(RunIds.Liveness.UNKNOWN);
    assertThat(RunIds.liveness(null)).isEqualTo(RunIds.Liveness.UNKNOWN);
  }
}
