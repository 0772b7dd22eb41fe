package io.stagebench.cli;

import io.stagebench.StagebenchException;
import io.stagebench.Units;
import io.stagebench.dockerfile.DockerfileParseException;
import io.stagebench.dockerfile.DockerfileParser;
import io.stagebench.dockerfile.StageGraph;
import io.stagebench.dockerfile.StageGraphException;
import io.stagebench.image.DockerfileAttribution;
import io.stagebench.image.ElfCheck;
import io.stagebench.image.ImageAnalyzer;
import io.stagebench.image.ImageArchive;
import io.stagebench.image.ImageReport;
import io.stagebench.image.ImageSource;
import io.stagebench.image.Residue;
import io.stagebench.lint.Finding;
import io.stagebench.lint.Linter;
import io.stagebench.lint.rules.Rules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench analyze}: what is inside an image, what of it is waste, and CI gates on it. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Analyze an image (engine name/ID, docker save archive or OCI layout): layers, waste, residue, broken binaries.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok (all CI rules passed)",
      "1:a CI rule failed",
      "2:usage error",
      "3:no engine, no such image, or the archive is unreadable (truncated, not a tar, a layer missing)",
      "130:interrupted"
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "IMAGE|ARCHIVE", description = "Image name or ID in the engine, a docker save tar (optionally gzipped), or an OCI layout directory or tar.")
  String ref;

  @Mixin TextOrJson format;

  @Option(names = "--top", defaultValue = "5", description = "Largest files per layer and inefficient paths to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--no-compressed", description = "Skip gzip-compressing each layer to report its pushed size.")
  boolean noCompressed;

  @Option(names = "--lowest-efficiency", paramLabel = "RATIO", description = "Fail when dive's efficiency score is below RATIO (0..1).")
  Double lowestEfficiency;

  @Option(names = "--highest-wasted-bytes", paramLabel = "SIZE", description = "Fail when dive's wasted bytes exceed SIZE (e.g. 20MB, 1048576).")
  String highestWastedBytes;

  @Option(names = "--highest-user-wasted-percent", paramLabel = "RATIO", description = "Fail when wasted bytes over the non-base layers' bytes exceed RATIO (0..1).")
  Double highestUserWastedPercent;

  @Option(names = "--ci-config", paramLabel = "FILE", description = "Read the three rules above from a dive .dive-ci file (options given here win).")
  Path ciConfig;

  @Option(names = "--max-size", paramLabel = "SIZE", description = "Fail when the image's size exceeds SIZE.")
  String maxSize;

  @Option(names = "--dockerfile", paramLabel = "FILE",
      description = "The Dockerfile that built the image: ties each layer to its stage and line, sums bytes per stage, and "
          + "lists its lint findings with the bytes at stake (--build-arg and --target: as the build had them).")
  Path dockerfile;

  @Mixin DockerfileOptions build;

  @Override
  public Integer call() throws Exception {
    if (top < 0) {
      throw new StagebenchException(StagebenchException.Category.USAGE, "--top must be 0 or more");
    }
    List<CiRules.Rule> rules = rules();
    Optional<StageGraph> graph = graph();
    ImageArchive img = ImageSource.open(ref, !noCompressed);
    ImageReport r = ImageAnalyzer.analyze(displayName(ref), img, top);
    Optional<DockerfileAttribution> attribution = graph.map(g -> DockerfileAttribution.of(dockerfile.toString(), r, g, lint()));
    List<CiRules.Outcome> outcomes = CiRules.evaluate(rules, r);
    PrintWriter out = spec.commandLine().getOut();
    if (format.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("report", r);
      attribution.ifPresent(a -> doc.put("dockerfile", a));
      if (!outcomes.isEmpty()) {
        doc.put("ci", outcomes);
      }
      Json.print(out, doc);
    } else {
      printText(out, r);
      attribution.ifPresent(a -> printAttribution(out, a));
      for (CiRules.Outcome o : outcomes) {
        out.println((o.pass() ? "PASS" : "FAIL") + " " + o.rule() + ": " + o.detail());
      }
      out.flush();
    }
    return outcomes.stream().allMatch(CiRules.Outcome::pass) ? 0 : ExitCodes.CHECK_FAILED;
  }

  private Optional<StageGraph> graph() throws StagebenchException {
    if (dockerfile == null) {
      if (build.given()) {
        throw new StagebenchException(StagebenchException.Category.USAGE, "--build-arg and --target need --dockerfile");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(StageGraph.resolve(
          DockerfileParser.parse(dockerfile), build.buildArgs(), build.target()));
    } catch (IOException e) {
      throw new StagebenchException(StagebenchException.Category.ENVIRONMENT, "cannot read --dockerfile " + dockerfile + ": " + e.getMessage());
    } catch (DockerfileParseException | StageGraphException e) {
      throw new StagebenchException(StagebenchException.Category.USAGE, "--dockerfile " + dockerfile + ": " + e.getMessage()
          + "; check it with `stagebench lint " + dockerfile + "`");
    }
  }

  private List<Finding> lint() {
    try {
      return new Linter(Rules.all()).lint(dockerfile, new Linter.Options(
          build.buildArgs(), build.target(), Optional.empty(), Set.of())).findings();
    } catch (IOException | StagebenchException e) {
      return List.of();
    }
  }

  static void printAttribution(PrintWriter out, DockerfileAttribution a) {
    out.println();
    out.println("Dockerfile " + a.dockerfile());
    out.printf(Locale.ROOT, "  %3s  %10s  %-22s %s%n", "#", "size", "origin", "instruction");
    for (DockerfileAttribution.LayerOrigin l : a.layers()) {
      out.printf(Locale.ROOT, "  %3d  %10s  %-22s %s%n", l.layer() + 1, Units.bytes(l.sizeBytes()), l.origin(),
          l.line() == null ? "" : l.instruction() + " (line " + l.line() + ", stage " + l.stage() + ")");
    }
    out.println("  bytes by origin: " + String.join(", ", a.bytesByOrigin().entrySet().stream()
        .map(e -> e.getKey() + " " + Units.bytes(e.getValue())).toList()));
    out.println("  lint findings, by bytes at stake" + (a.advice().isEmpty() ? ": none" : ""));
    for (DockerfileAttribution.Advice adv : a.advice()) {
      out.printf(Locale.ROOT, "  %-6s %10s  line %d: %s%n", adv.rule(), Units.bytes(adv.bytesAtStake()), adv.line(), adv.message());
    }
  }

  private static String displayName(String ref) {
    Path p = Path.of(ref);
    return Files.exists(p) ? p.getFileName().toString() : ref;
  }

  private List<CiRules.Rule> rules() throws StagebenchException {
    Map<String, String> fromFile = new LinkedHashMap<>();
    if (ciConfig != null) {
      try {
        fromFile = CiRules.readDiveCi(Files.readString(ciConfig));
      } catch (IOException e) {
        throw new StagebenchException(StagebenchException.Category.USAGE, "cannot read --ci-config " + ciConfig + ": " + e.getMessage());
      }
    }
    List<CiRules.Rule> rules = new ArrayList<>();
    String eff = lowestEfficiency != null ? lowestEfficiency.toString() : fromFile.get("lowestEfficiency");
    String wasted = highestWastedBytes != null ? highestWastedBytes : fromFile.get("highestWastedBytes");
    String pct = highestUserWastedPercent != null ? highestUserWastedPercent.toString() : fromFile.get("highestUserWastedPercent");
    CiRules.add(rules, "lowestEfficiency", eff, false);
    CiRules.add(rules, "highestWastedBytes", wasted, true);
    CiRules.add(rules, "highestUserWastedPercent", pct, false);
    CiRules.add(rules, "maxSize", maxSize, true);
    return rules;
  }

  static void printText(PrintWriter out, ImageReport r) {
    ImageReport.Image im = r.image();
    out.printf(Locale.ROOT, "Image %s  (%s, %s format)%n", im.source(), shortId(im.id()), im.format());
    out.printf(Locale.ROOT, "  uncompressed %s (%d bytes), %d files; final tree %s; recoverable %s; archive %s%s%n",
        Units.bytes(im.sizeBytes()), im.sizeBytes(), im.files(), Units.bytes(im.finalTreeBytes()),
        Units.bytes(im.recoverableBytes()), Units.bytes(im.archiveBytes()),
        im.gzipBytes() >= 0 ? "; compressed " + Units.bytes(im.gzipBytes())
            + (im.compressedSource().equals("stored-blobs") ? " (stored blobs, exact)" : " (gzip estimate)") : "");
    out.println();
    out.println("Layers");
    out.printf(Locale.ROOT, "  %3s  %10s  %10s  %6s  %s%n", "#", "size", "compressed", "files", "created by");
    for (ImageReport.LayerRow l : r.layers()) {
      out.printf(Locale.ROOT, "  %3d  %10s  %10s  %6d  %s%n", l.index() + 1, Units.bytes(l.sizeBytes()),
          l.gzipBytes() >= 0 ? Units.bytes(l.gzipBytes()) : "-", l.files(), clip(l.createdBy(), 70));
    }
    out.println();
    ImageReport.Dive d = r.dive();
    out.printf(Locale.ROOT, "Waste (dive): efficiency %.4f, wasted %s, user wasted %.2f %%; recoverable (surviving copies not counted) %s%n",
        d.efficiency(), Units.bytes(d.wastedBytes()), d.userWastedPercent() * 100, Units.bytes(im.recoverableBytes()));
    for (var i : d.inefficiencies()) {
      out.printf(Locale.ROOT, "  %10s  x%d  %s%n", Units.bytes(i.cumulativeBytes()), i.count(), i.path());
    }
    out.println();
    out.println("Residue" + (r.residue().isEmpty() ? ": none" : ""));
    int shown = 0;
    for (Residue.Item it : r.residue()) {
      if (shown++ >= 15) {
        out.printf(Locale.ROOT, "  ... %d more (--format json lists all)%n", r.residue().size() - 15);
        break;
      }
      out.printf(Locale.ROOT, "  %10s  %-20s %-34s %s (layer %d)%n", Units.bytes(it.bytes()), it.kind().name().toLowerCase(Locale.ROOT),
          it.what(), it.path(), it.layer() + 1);
    }
    out.println();
    ImageReport.Binaries b = r.binaries();
    out.printf(Locale.ROOT, "Binaries: %d ELF files, %d dynamically linked, %d cannot load%n", b.elfFiles(), b.dynamic(), b.problems().size());
    int shownB = 0;
    for (ElfCheck.Problem p : b.problems()) {
      if (shownB++ >= 10) {
        out.printf(Locale.ROOT, "  ... %d more%n", b.problems().size() - 10);
        break;
      }
      out.printf(Locale.ROOT, "  %s %s: %s%n", p.executable() ? "ERROR" : "WARN ", p.path(),
          (p.missingInterpreter() != null ? "loader " + p.missingInterpreter() + " missing" : "")
              + (p.missingInterpreter() != null && !p.missingLibraries().isEmpty() ? "; " : "")
              + (p.missingLibraries().isEmpty() ? "" : "libraries missing: " + String.join(", ", p.missingLibraries())));
    }
    out.println();
    out.println("Recommendations" + (r.recommendations().isEmpty() ? ": none" : " (by bytes saved)"));
    for (ImageReport.Recommendation rec : r.recommendations()) {
      out.printf(Locale.ROOT, "  %-6s %10s  %s%n", rec.rule(), Units.bytes(rec.bytesSaved()), rec.message());
    }
  }

  static String shortId(String id) {
    return id == null ? "?" : id.replace("sha256:", "").substring(0, Math.min(12, id.replace("sha256:", "").length()));
  }

  static String clip(String s, int n) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("\\s+", " ").replace("/bin/sh -c #(nop) ", "").replace("/bin/sh -c ", "RUN ");
    return t.length() <= n ? t : t.substring(0, n - 1) + "…";
  }
}
