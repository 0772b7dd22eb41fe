package io.stagebench.jmh;

import io.stagebench.StagebenchException;
import io.stagebench.dockerfile.Dockerfile;
import io.stagebench.dockerfile.DockerfileParseException;
import io.stagebench.dockerfile.DockerfileParser;
import io.stagebench.lint.Linter;
import io.stagebench.lint.rules.Rules;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and parse + lint of one Dockerfile: three realistic files (a Go multi-stage build, a Node
 * deps/builder/runner build, a naive single-stage Java build) and {@code mib1}, a generated file of
 * 1 MiB (many stages of typical instructions), whose time per operation is the time per MiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ParseLintBenchmark {
  static final String GO_MULTI = """
      # syntax=docker/dockerfile:1
      ARG GO_IMAGE=golang:1.21-bookworm
      FROM ${GO_IMAGE} AS build
      WORKDIR /src
      COPY go.mod go.sum ./
      RUN --mount=type=cache,target=/root/go/pkg/mod go mod download
      COPY . .
      RUN --mount=type=cache,target=/root/.cache/go-build \\
          CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-w -s" -o /out/app ./cmd/app

      FROM scratch AS runtime
      COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
      COPY --from=build /out/app /app
      USER 65532:65532
      EXPOSE 8080
      ENTRYPOINT ["/app"]
      """;

  static final String NODE_MULTI = """
      ARG NODE_IMAGE=node:20-bookworm
      ARG NODE_SLIM=node:20-bookworm-slim
      FROM ${NODE_IMAGE} AS deps
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci

      FROM deps AS builder
      COPY tsconfig.json ./
      COPY src/ src/
      RUN npm run build && npm prune --omit=dev

      FROM ${NODE_SLIM} AS runner
      ENV NODE_ENV=production
      WORKDIR /app
      RUN apt-get update \\
       && apt-get install -y --no-install-recommends tini \\
       && rm -rf /var/lib/apt/lists/*
      COPY --from=builder --chown=node:node /app/node_modules node_modules/
      COPY --from=builder --chown=node:node /app/dist dist/
      COPY package.json ./
      USER node
      EXPOSE 3000
      HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "dist/health.js"]
      ENTRYPOINT ["tini", "--"]
      CMD ["node", "dist/server.js"]
      """;

  static final String JAVA_SINGLE = """
      ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
      FROM ${MAVEN_IMAGE}
      LABEL org.opencontainers.image.title="greeter" org.opencontainers.image.version="1.0"
      WORKDIR /app
      COPY . .
      RUN mvn -B -ntp -DskipTests package
      RUN chown -R 1000:1000 /app
      EXPOSE 8080
      CMD ["java", "-jar", "target/greeter.jar"]
      """;

  @Param({"go-multi", "node-multi", "java-single", "mib1"})
  public String file;

  byte[] bytes;
  Linter linter;

  @Setup
  public void setup() {
    String text = switch (file) {
      case "go-multi" -> GO_MULTI;
      case "node-multi" -> NODE_MULTI;
      case "java-single" -> JAVA_SINGLE;
      case "mib1" -> generated(1 << 20);
      default -> throw new IllegalArgumentException(file);
    };
    bytes = text.getBytes(StandardCharsets.UTF_8);
    linter = new Linter(Rules.all());
  }

  /** Stages of typical instructions until the text reaches {@code size} bytes (within one stage). */
  static String generated(int size) {
    StringBuilder sb = new StringBuilder(
        "ARG GO_IMAGE=golang:1.21-bookworm\nARG NODE_IMAGE=node:20-bookworm\n"
            + "ARG NODE_SLIM=node:20-bookworm-slim\nARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17\n");
    int i = 0;
    while (sb.length() < size) {
      String body = i % 3 == 0 ? GO_MULTI : i % 3 == 1 ? NODE_MULTI : JAVA_SINGLE;
      // rename the stages so every name stays unique, and drop the parser directive
      sb.append(body.replace("# syntax=docker/dockerfile:1\n", "").replaceAll("(?m)^ARG .*\n", "")
          .replaceAll("(?m) AS (\\w+)$", " AS $1_" + i)
          .replaceAll("--from=(\\w+)", "--from=$1_" + i)
          .replaceAll("(?m)^FROM (deps)( AS)", "FROM $1_" + i + "$2"));
      i++;
    }
    return sb.toString();
  }

  @Benchmark
  public Dockerfile parse() throws DockerfileParseException {
    return DockerfileParser.parse(DockerfileParser.decode(bytes));
  }

  @Benchmark
  public Linter.Result parseAndLint() throws StagebenchException {
    return linter.lint("Dockerfile", bytes, Linter.Options.defaults());
  }
}
