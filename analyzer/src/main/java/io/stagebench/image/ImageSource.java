package io.stagebench.image;

import io.stagebench.StagebenchException;
import io.stagebench.engine.Engine;
import io.stagebench.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where an image comes from: a path (archive file or OCI layout) or a name the engine knows. */
public final class ImageSource {
  private ImageSource() {}

  /**
   * Reads {@code ref}: an existing path is read as an archive or layout; anything else is an image
   * name or ID streamed from the engine's save endpoint without touching the disk.
   */
  public static ImageArchive open(String ref, boolean computeGzip) throws StagebenchException {
    Path p = Path.of(ref);
    if (Files.exists(p)) {
      return ArchiveReader.read(p, computeGzip);
    }
    try (Engine engine = Engine.connect()) {
      return fromEngine(engine, ref, computeGzip);
    }
  }

  /** Streams {@code name} from the engine ({@code GET /images/{name}/get}) into the reader. */
  public static ImageArchive fromEngine(Engine engine, String name, boolean computeGzip) throws StagebenchException {
    if (engine.images().inspect(name).isEmpty()) {
      throw new StagebenchException(StagebenchException.Category.ENVIRONMENT,
          "no image or file named " + name + "; build or load it first, or give a docker save archive or OCI layout path");
    }
    try (InputStream in = engine.images().save(name)) {
      return new ArchiveReader(name, computeGzip).readTar(in);
    } catch (StagebenchException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new EngineException("the engine's export of " + name + " broke off: " + LayerScanner.msg(e), e);
    }
  }
}
