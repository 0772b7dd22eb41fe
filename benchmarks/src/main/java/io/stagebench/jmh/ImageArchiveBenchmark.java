package io.stagebench.jmh;

import io.stagebench.StagebenchException;
import io.stagebench.image.ArchiveReader;
import io.stagebench.image.ImageAnalyzer;
import io.stagebench.image.ImageArchive;
import io.stagebench.image.ImageReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Image-archive analysis throughput: {@code docker save}-shaped archives generated in setup (see
 * {@link SyntheticImage}: 64 MiB of layer content in 6 layers, 12,000 files, with deletions and
 * overwrites across layers), in the legacy layout and the OCI layout, read from disk.
 *
 * <p>{@code read} is the archive reader alone (tar walk, layer scan, digests); {@code
 * readAndAnalyze} adds the analysis (merged tree, waste, residue, attribution), which is what
 * {@code stagebench analyze} does after {@code docker save}. Divide 64 MiB by the time per
 * operation for MiB/s. {@code gzip} also measures each layer's gzip-compressed size, as {@code
 * analyze --compressed} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ImageArchiveBenchmark {
  @Param({"legacy", "oci"})
  public String format;

  @Param({"false"})
  public boolean gzip;

  Path archive;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    archive = Files.createTempFile("stagebench-jmh-", ".tar");
    SyntheticImage.write(archive, SyntheticImage.Layout.valueOf(format.toUpperCase(Locale.ROOT)),
        64 << 20, 12_000, 42L);
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(archive);
  }

  @Benchmark
  public ImageArchive read() throws StagebenchException {
    return ArchiveReader.read(archive, gzip);
  }

  @Benchmark
  public ImageReport readAndAnalyze() throws StagebenchException {
    return ImageAnalyzer.analyze("bench", ArchiveReader.read(archive, gzip), 20);
  }
}
