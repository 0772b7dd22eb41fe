package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** SB001: Build toolchain or SDK base image in the final stage. */
public final class ToolchainInFinal extends Rule {
  public ToolchainInFinal() {
    super("SB001", Severity.WARNING, "Build toolchain or SDK base image in the final stage",
        "The compiler, SDK, headers and build caches ship in the image the app runs from: often 5-50x the app itself.",
        "Split into a builder stage and a small runtime stage that copies only the build output.");
  }

  private static final Map<String, String> TOOLCHAINS = new LinkedHashMap<>();

  static {
    TOOLCHAINS.put("golang", "go");
    TOOLCHAINS.put("rust", "rust");
    TOOLCHAINS.put("maven", "maven");
    TOOLCHAINS.put("gradle", "gradle");
    TOOLCHAINS.put("openjdk", "jdk");
    TOOLCHAINS.put("eclipse-temurin", "jdk");
    TOOLCHAINS.put("amazoncorretto", "jdk");
    TOOLCHAINS.put("node", "node");
    TOOLCHAINS.put("python", "python");
    TOOLCHAINS.put("gcc", "c");
    TOOLCHAINS.put("buildpack-deps", "c");
    TOOLCHAINS.put("sdk", "dotnet");
  }

  /** The language family of a toolchain image, or empty for a runtime image. */
  static Optional<String> toolchain(String image) {
    String repo = Support.repoName(image);
    String tag = Support.tag(image).toLowerCase(Locale.ROOT);
    String lang = TOOLCHAINS.get(repo);
    if (lang == null) {
      return Optional.empty();
    }
    if ((lang.equals("node") || lang.equals("python")) && (tag.contains("slim") || tag.contains("alpine") || repo.endsWith("-slim"))) {
      return Optional.empty();
    }
    if (lang.equals("jdk") && tag.contains("jre")) {
      return Optional.empty();
    }
    return Optional.of(lang);
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    Stage target = ctx.targetStage();
    String image = ctx.baseImage(target);
    Optional<String> lang = toolchain(image);
    if (lang.isEmpty()) {
      return;
    }
    List<Instruction> body = ctx.chainBody(target);
    String scripts = String.join("\n", body.stream().filter(i -> i.is("RUN")).map(LintContext::script).toList());
    String pattern = pattern(lang.get(), scripts);
    sink.report(target.from(), "the final stage runs on the toolchain image " + image + ": " + pattern);
  }

  static String pattern(String lang, String scripts) {
    switch (lang) {
      case "go":
        if (scripts.contains("CGO_ENABLED=1") || scripts.matches("(?s).*apt-get[^\\n]*install[^\\n]*-dev.*")) {
          return "build in a golang stage and copy the cgo binary into a slim Debian runtime with only its shared libraries";
        }
        return "build with CGO_ENABLED=0 in a golang stage and copy the static binary into scratch or distroless/static";
      case "rust":
        return "cargo build --release in a rust stage and copy the binary into debian:*-slim (or scratch for a musl target)";
      case "maven":
      case "gradle":
      case "jdk":
        return "package the jar in a " + (lang.equals("jdk") ? "JDK" : lang) + " stage and copy the jar and its dependencies into a JRE runtime (eclipse-temurin:*-jre)";
      case "python":
        return "build wheels (or a venv) in the full python stage and install/copy them into python:*-slim";
      case "node":
        if (scripts.contains("next build")) {
          return "use the Next.js standalone output: deps, builder, then a runner that copies .next/standalone and .next/static";
        }
        return "use deps/builder/runner stages: npm ci in deps, build in builder, production dependencies and the build output in a slim runner";
      case "dotnet":
        return "dotnet publish in the SDK stage and copy the output into mcr.microsoft.com/dotnet/aspnet or runtime";
      default:
        return "compile in a builder stage and copy only the artifacts into a small runtime image";
    }
  }
}
