package io.stagebench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stagebench.StagebenchException;
import io.stagebench.dockerfile.BuildKitDump;
import io.stagebench.dockerfile.Dockerfile;
import io.stagebench.dockerfile.DockerfileParseException;
import io.stagebench.dockerfile.DockerfileParser;
import io.stagebench.dockerfile.ParseReport;
import io.stagebench.dockerfile.StageGraph;
import io.stagebench.dockerfile.StageGraphException;
import io.stagebench.dockerfile.TreeFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench parse FILE}: prints the AST and the stage graph of one Dockerfile. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = "Parse a Dockerfile and print its stages, instructions and stage graph.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:parsed",
      "1:the Dockerfile is invalid (parse error, failing substitution)",
      "2:usage error (including an unknown --target)",
      "3:the file cannot be read"
    })
public final class ParseCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    tree,
    json,
    buildkit
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the Dockerfile")
  Path file;

  @Mixin DockerfileOptions dockerfile;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "tree (default), json or buildkit (BuildKit's parser test dump)")
  Format format = Format.tree;

  @Option(names = "--json", description = "short for --format json")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Format fmt = json ? Format.json : format;
    String source;
    try {
      source = DockerfileParser.decode(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      err.println("stagebench parse: " + file + ": no such file");
      return ExitCodes.ENVIRONMENT;
    } catch (IOException e) {
      err.println("stagebench parse: " + file + ": cannot read: " + e.getMessage());
      return ExitCodes.ENVIRONMENT;
    }
    Dockerfile df;
    try {
      // The BuildKit dump is what BuildKit's parser prints, so it needs only what that parser needs.
      df = fmt == Format.buildkit ? DockerfileParser.parseSyntax(source) : DockerfileParser.parse(source);
    } catch (DockerfileParseException e) {
      err.println(file + ":" + e.line() + ":" + e.column() + ": " + e.reason());
      return ExitCodes.CHECK_FAILED;
    }
    if (fmt == Format.buildkit) {
      out.print(BuildKitDump.dump(df));
      out.flush();
      return ExitCodes.OK;
    }
    Map<String, String> args;
    try {
      args = dockerfile.buildArgs();
    } catch (StagebenchException e) {
      err.println("stagebench parse: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    StageGraph graph;
    try {
      graph = StageGraph.resolve(df, args, dockerfile.target());
    } catch (StageGraphException e) {
      if (e.line() == 0) {
        err.println("stagebench parse: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      err.println(file + ":" + e.line() + ": " + e.getMessage().replaceFirst("^line \\d+: ", ""));
      return ExitCodes.CHECK_FAILED;
    }
    String name = file.toString();
    if (fmt == Format.json) {
      try {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(mapper.writeValueAsString(ParseReport.of(name, df, graph)));
      } catch (IOException e) {
        throw new IllegalStateException("the parse report must always serialize", e);
      }
    } else {
      out.print(TreeFormatter.format(name, df, graph));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
