package io.stagebench.cli;

import io.stagebench.StagebenchException;
import io.stagebench.Units;
import io.stagebench.image.ImageArchive;
import io.stagebench.image.ImageDiff;
import io.stagebench.image.ImageSource;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagebench diff A B}: two images' sizes, layers and final-tree changes by directory. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Compare two images (engine names/IDs, docker save archives or OCI layouts): sizes, layers, files added/removed/changed by directory.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "2:usage error", "3:no engine, no such image, or an unreadable archive", "130:interrupted"})
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A") String a;

  @Parameters(index = "1", paramLabel = "B") String b;

  @Mixin TextOrJson format;

  @Option(names = "--depth", defaultValue = "3", description = "Path components that name a directory in the summary (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--top", defaultValue = "20", description = "Directories to list in text (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() throws Exception {
    if (depth < 1) {
      throw new StagebenchException(StagebenchException.Category.USAGE, "--depth must be 1 or more");
    }
    ImageArchive ia = ImageSource.open(a, false);
    ImageArchive ib = ImageSource.open(b, false);
    ImageDiff.Result r = ImageDiff.diff(a, ia, b, ib, depth);
    PrintWriter out = spec.commandLine().getOut();
    if (format.json()) {
      Json.print(out, r);
      return 0;
    }
    out.printf(Locale.ROOT, "A %s: %s, %d layers%n", a, Units.bytes(r.a().sizeBytes()), r.a().layers());
    out.printf(Locale.ROOT, "B %s: %s, %d layers%n", b, Units.bytes(r.b().sizeBytes()), r.b().layers());
    long d = r.sizeDelta();
    out.printf(Locale.ROOT, "B - A: %s%s (%d bytes)%n%n", d < 0 ? "-" : "+", Units.bytes(Math.abs(d)), d);
    out.printf(Locale.ROOT, "  %-40s %16s %16s %16s%n", "directory", "added", "removed", "changed");
    int shown = 0;
    for (ImageDiff.Dir dir : r.dirs()) {
      if (shown++ >= top) {
        out.printf(Locale.ROOT, "  ... %d more directories (--format json lists all)%n", r.dirs().size() - top);
        break;
      }
      out.printf(Locale.ROOT, "  %-40s %16s %16s %16s%n", AnalyzeCommand.clip(dir.dir(), 40),
          dir.added() == 0 ? "" : dir.added() + " / " + Units.bytes(dir.addedBytes()),
          dir.removed() == 0 ? "" : dir.removed() + " / " + Units.bytes(dir.removedBytes()),
          dir.changed() == 0 ? "" : dir.changed() + " / " + (dir.changedDelta() < 0 ? "-" : "+") + Units.bytes(Math.abs(dir.changedDelta())));
    }
    out.flush();
    return 0;
  }
}
