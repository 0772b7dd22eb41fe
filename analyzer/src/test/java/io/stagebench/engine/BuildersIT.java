package io.stagebench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both builders against the real engine on a context whose .dockerignore excludes the Dockerfiles and a .env. */
class BuildersIT {
  static final String BASE = "stagebench/debian:bookworm-minbase";
  static final String RUN = "it-builders-" + UUID.randomUUID().toString().substring(0, 8);
  static Engine engine;

  @BeforeAll
  static void connect() throws Exception {
    engine = Engine.connect();
  }

  @AfterAll
  static void cleanUp() throws Exception {
    EngineCleaner cleaner = new EngineCleaner(engine);
    EngineCleaner.Outcome o = cleaner.remove(RUN::equals);
    assertThat(o.failures()).isEmpty();
    assertThat(cleaner.runs()).as("nothing of the run is left").doesNotContainKey(RUN);
    engine.close();
  }

  private static BuildRequest request(Path ctx, String dockerfile, String builder, boolean noCache) {
    return new BuildRequest(ctx, dockerfile, Optional.empty(), Map.of("BASE", BASE), Map.of(Labels.RUN, RUN),
        Set.of("sbdev-buildkit/it:" + builder + "-" + RUN), noCache);
  }

  @ParameterizedTest
  @ValueSource(strings = {"classic", "buildkit"})
  void buildsTheExactContextCountsStepsAndReportsFailures(String builder, @TempDir Path ctx) throws Exception {
    Files.writeString(ctx.resolve(".dockerignore"), "Dockerfile*\n.env\nsecret/\n!secret/public.txt\n");
    Files.writeString(ctx.resolve(".env"), "TOKEN=do-not-send\n");
    Files.createDirectories(ctx.resolve("secret"));
    Files.writeString(ctx.resolve("secret/private.txt"), "private\n");
    Files.writeString(ctx.resolve("secret/public.txt"), "public\n");
    Files.writeString(ctx.resolve("app.txt"), "v1 " + UUID.randomUUID() + "\n");
    Files.writeString(ctx.resolve("Dockerfile.it"), String.join("\n",
        "ARG BASE=scratch",
        "FROM ${BASE}",
        "WORKDIR /ctx",
        "RUN echo prepared > /prepared",
        "COPY . .",
        "RUN test ! -e .env && test ! -e secret/private.txt && test -e secret/public.txt && "
            // the classic daemon drops an ignored Dockerfile itself; BuildKit without a session cannot
            + (builder.equals("classic") ? "test ! -e Dockerfile.it && " : "test -e Dockerfile.it && ")
            + "cat app.txt > /out",
        "ENV DONE=1",
        ""));
    Files.writeString(ctx.resolve("Dockerfile.fail"), "ARG BASE=scratch\nFROM ${BASE}\nRUN echo it-fails-here && exit 7\n");
    Builder b = Builders.of(engine, BuilderKind.parse(builder));

    BuildResult cold = b.build(request(ctx, "Dockerfile.it", builder, true));
    assertThat(cold.imageId()).startsWith("sha256:");
    assertThat(cold.stepsTotal()).as(cold.steps().toString()).isEqualTo(4);
    // without cache every RUN and COPY runs; BuildKit (20.10) still answers WORKDIR from its cache
    assertThat(cold.steps()).filteredOn(st -> !st.name().contains("WORKDIR"))
        .hasSize(3).allMatch(st -> st.status() == BuildStep.Status.EXECUTED, cold.steps().toString());
    assertThat(cold.stepsExecuted()).isEqualTo(builder.equals("classic") ? 4 : cold.stepsTotal() - cold.stepsCached());
    assertThat(cold.steps()).extracting(BuildStep::name).anyMatch(n -> n.contains("COPY . ."));
    assertThat(cold.contextBytes()).isPositive();
    long size = engine.client().inspectImageCmd(cold.imageId()).exec().getSize();
    assertThat(size).isGreaterThan(50_000_000L); // the Debian base plus our few bytes

    BuildResult warm = b.build(request(ctx, "Dockerfile.it", builder, false));
    assertThat(warm.imageId()).isEqualTo(cold.imageId());
    assertThat(warm.stepsExecuted()).isZero();
    assertThat(warm.stepsCached()).isEqualTo(4);

    // editing an ignored file changes nothing; editing a sent file re-runs COPY . and what follows
    Files.writeString(ctx.resolve(".env"), "TOKEN=changed\n");
    assertThat(b.build(request(ctx, "Dockerfile.it", builder, false)).stepsExecuted()).isZero();
    Files.writeString(ctx.resolve("app.txt"), "v2 " + UUID.randomUUID() + "\n"); // fresh: BuildKit keeps its cache across runs
    BuildResult edit = b.build(request(ctx, "Dockerfile.it", builder, false));
    assertThat(edit.steps()).extracting(BuildStep::status).containsExactly(
        BuildStep.Status.CACHED, BuildStep.Status.CACHED, BuildStep.Status.EXECUTED, BuildStep.Status.EXECUTED);

    assertThatThrownBy(() -> b.build(request(ctx, "Dockerfile.fail", builder, false)))
        .isInstanceOf(BuildFailedException.class)
        .isNotInstanceOf(UnsupportedBuildException.class)
        .satisfies(e -> assertThat(String.join("\n", ((BuildFailedException) e).logTail())).contains("it-fails-here"));

    Files.writeString(ctx.resolve("Dockerfile.secret"), "FROM scratch\nRUN --mount=type=secret,id=t cat /run/secrets/t\n");
    assertThatThrownBy(() -> b.build(request(ctx, "Dockerfile.secret", builder, false)))
        .isInstanceOf(UnsupportedBuildException.class)
        .hasMessageContaining(builder.equals("classic") ? "needs BuildKit" : "client session");
  }
}
