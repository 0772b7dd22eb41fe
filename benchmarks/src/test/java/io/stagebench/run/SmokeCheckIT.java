package io.stagebench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.BuildRequest;
import io.stagebench.engine.BuildResult;
import io.stagebench.engine.ClassicBuilder;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineCleaner;
import io.stagebench.engine.EngineKind;
import io.stagebench.engine.EngineTestSupport.ContainerSettings;
import io.stagebench.engine.EngineTestSupport;
import io.stagebench.engine.Labels;
import io.stagebench.fixture.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smoke container's restrictions, read back from the engine's inspect while it runs. */
class SmokeCheckIT {
  static final String RUN = "smoke-it-" + ProcessHandle.current().pid();
  static Engine engine;
  static String imageId;

  @BeforeAll
  static void build(@TempDir Path ctx) throws Exception {
    engine = Engine.connect();
    Files.writeString(ctx.resolve("Dockerfile"), String.join("\n",
        "FROM stagebench/python:3.11-slim-bookworm",
        "WORKDIR /srv",
        "RUN echo smoke-ok > index.html",
        "EXPOSE 8000",
        "ENTRYPOINT [\"/bin/sh\", \"-c\"]",
        "CMD [\"exec python3 -m http.server 8000\"]", ""));
    BuildResult r = new ClassicBuilder(engine).build(new BuildRequest(ctx, "Dockerfile", Optional.empty(), Map.of(),
        Map.of(Labels.RUN, RUN), Set.of("sbdev-reliab/smoke:" + RUN), false));
    imageId = r.imageId();
  }

  @AfterAll
  static void clean() throws Exception {
    if (engine != null) {
      new EngineCleaner(engine).remove(RUN::equals);
      engine.close();
    }
  }

  @Test
  void anHttpSmokeContainerRunsLockedDownAndPublishesOnLoopbackOnly() throws Exception {
    AtomicReference<ContainerSettings> seen = new AtomicReference<>();
    Fixture.Smoke smoke = new Fixture.Smoke(Optional.of(new Fixture.HttpCheck(8000, "/", 200, "smoke-ok")),
        Optional.empty(), 30, List.of("NET_BIND_SERVICE"), true);
    SmokeCheck.Result r = new SmokeCheck(engine, RUN)
        .onStarted(id -> seen.set(EngineTestSupport.settings(engine, id)))
        .run(imageId, smoke);

    assertThat(r.passed()).as(r.detail()).isTrue();
    ContainerSettings h = seen.get();
    if (engine.kind() == EngineKind.PODMAN) {
      // Podman reports "drop ALL, add NET_BIND_SERVICE" as the default capabilities it dropped
      assertThat(h.capDrop())
          .contains("CHOWN", "DAC_OVERRIDE", "FOWNER", "KILL", "SETGID", "SETUID").doesNotContain("NET_BIND_SERVICE");
    } else {
      assertThat(h.capDrop()).containsExactly("ALL");
      assertThat(h.capAdd()).containsExactly("NET_BIND_SERVICE");
    }
    assertThat(h.securityOpts()).contains("no-new-privileges");
    assertThat(h.memoryBytes()).isEqualTo(SmokeCheck.MEMORY_LIMIT);
    assertThat(h.pidsLimit()).isEqualTo(SmokeCheck.PIDS_LIMIT);
    assertThat(h.readOnlyRootfs()).isTrue();
    assertThat(h.publishedTcpHostIps().get(8000)).containsExactly("127.0.0.1");
    assertThat(h.labels()).containsEntry(Labels.RUN, RUN);
    // The container is gone once the check is over.
    assertThat(EngineTestSupport.containersLabelled(engine, Labels.RUN, RUN)).isEmpty();
  }

  @Test
  void aCommandSmokeWithoutCapabilitiesCannotDoWhatRootUsuallyCan() throws Exception {
    AtomicReference<ContainerSettings> seen = new AtomicReference<>();
    // chown needs CAP_CHOWN, which is dropped: the command fails even as root.
    Fixture.Smoke smoke = new Fixture.Smoke(Optional.empty(),
        Optional.of(new Fixture.CommandCheck(List.of("touch /tmp/x && chown 1:1 /tmp/x && echo chowned"), "chowned")),
        30, List.of(), false);
    SmokeCheck.Result r = new SmokeCheck(engine, RUN)
        .onStarted(id -> seen.set(EngineTestSupport.settings(engine, id)))
        .run(imageId, smoke);
    assertThat(r.passed()).isFalse();
    assertThat(r.detail()).contains("exited with code");
    assertThat(seen.get().readOnlyRootfs()).isFalse();
  }

  @Test
  void aContainerTheEngineRefusesIsAFailedSmokeNotAnError() throws Exception {
    Fixture.Smoke http = new Fixture.Smoke(Optional.of(new Fixture.HttpCheck(8000, "/", 200, "smoke-ok")),
        Optional.empty(), 5, List.of(), false);
    SmokeCheck.Result noImage = new SmokeCheck(engine, RUN).run("sbdev-reliab/no-such-image:" + RUN, http);
    assertThat(noImage.passed()).isFalse();
    assertThat(noImage.detail()).startsWith("the container failed to start: ").doesNotContain("\n");

    Fixture.Smoke badCap = new Fixture.Smoke(Optional.empty(),
        Optional.of(new Fixture.CommandCheck(List.of("echo hi"), "hi")), 5, List.of("NOT_A_CAPABILITY"), false);
    SmokeCheck.Result r = new SmokeCheck(engine, RUN).run(imageId, badCap);
    assertThat(r.passed()).isFalse();
    assertThat(r.detail()).startsWith("the container failed to start: ").contains("NOT_A_CAPABILITY");
    assertThat(EngineTestSupport.containersLabelled(engine, Labels.RUN, RUN)).isEmpty();
  }

  @Test
  void aSmokeCheckThatHangsEndsAtItsTimeoutAndLeavesNoContainer() throws Exception {
    Fixture.Smoke smoke = new Fixture.Smoke(Optional.empty(),
        Optional.of(new Fixture.CommandCheck(List.of("sleep 120; echo late"), "late")), 3, List.of(), false);
    long start = System.nanoTime();
    SmokeCheck.Result r = new SmokeCheck(engine, RUN).run(imageId, smoke);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    assertThat(r.passed()).isFalse();
    assertThat(r.detail()).contains("did not exit within 3 s");
    assertThat(seconds).isLessThan(60);
    assertThat(EngineTestSupport.containersLabelled(engine, Labels.RUN, RUN)).isEmpty();
  }
}
