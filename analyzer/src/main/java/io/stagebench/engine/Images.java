package io.stagebench.engine;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ImageHistory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The engine's images, as far as stagebench reads, exports, pulls and removes them. Failures are
 * {@link EngineException}s ({@link RequestRefusedException} when the engine answered with an error);
 * an image the engine does not have is an empty answer where that is a normal outcome.
 */
public final class Images {
  private final Engine engine;

  Images(Engine engine) {
    this.engine = engine;
  }

  /**
   * Inspects an image by name, ID or digest, as the engine resolves it (Podman resolves a short name
   * to any image whose name ends with it: see {@link ImageRefs#carries}).
   *
   * @return empty when the engine has no such image
   * @throws EngineException when the engine cannot be asked or refuses otherwise
   */
  public Optional<ImageInfo> inspect(String ref) throws EngineException {
    try {
      return Optional.of(info(engine.client().inspectImageCmd(ref).exec()));
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw Failures.of("cannot inspect image " + ref, e);
    }
  }

  private static ImageInfo info(InspectImageResponse img) {
    ContainerConfig c = img.getConfig();
    Map<String, String> labels = c == null || c.getLabels() == null ? Map.of() : c.getLabels();
    int layers = img.getRootFS() == null || img.getRootFS().getLayers() == null ? -1 : img.getRootFS().getLayers().size();
    return new ImageInfo(
        img.getId(),
        img.getRepoTags() == null ? List.of() : img.getRepoTags(),
        img.getSize() == null ? -1 : img.getSize(),
        c == null ? List.of() : list(c.getEntrypoint()),
        c == null ? List.of() : list(c.getCmd()),
        labels,
        layers);
  }

  private static List<String> list(String[] a) {
    return a == null ? List.of() : Arrays.asList(a);
  }

  /**
   * The image's history, newest entry first, as the engine lists it.
   *
   * @throws EngineException when the engine cannot be asked or has no such image
   */
  public List<HistoryEntry> history(String ref) throws EngineException {
    List<ImageHistory> h;
    try {
      h = engine.client().imageHistoryCmd(ref).exec();
    } catch (RuntimeException e) {
      throw Failures.of("cannot read the history of " + ref, e);
    }
    List<HistoryEntry> out = new ArrayList<>(h.size());
    for (ImageHistory e : h) {
      out.add(new HistoryEntry(e.getCreatedBy(), e.getCreated() == null ? 0 : e.getCreated(),
          e.getSize() == null ? 0 : e.getSize()));
    }
    return out;
  }

  /**
   * Exports an image as a {@code docker save} tar ({@code GET /images/{name}/get}), streamed: the
   * caller reads and closes it. A read that breaks off is an {@link IOException}.
   *
   * @throws EngineException when the engine cannot be asked or refuses the export
   */
  public InputStream save(String ref) throws EngineException {
    InputStream in;
    try {
      in = engine.client().saveImageCmd(ref).exec();
    } catch (RuntimeException e) {
      throw Failures.of("cannot export image " + ref, e);
    }
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (RuntimeException e) {
          throw new IOException(Engine.rootMessage(e), e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (RuntimeException e) {
          throw new IOException(Engine.rootMessage(e), e);
        }
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } catch (RuntimeException e) {
          throw new IOException(Engine.rootMessage(e), e);
        }
      }
    };
  }

  /**
   * Pulls an image from its registry and waits for the pull to finish.
   *
   * @return false when the pull did not finish within {@code timeout} (it is then no longer followed)
   * @throws EngineException when the pull fails ({@code cannot pull <ref>: <why>})
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean pull(String ref, Duration timeout) throws EngineException, InterruptedException {
    PullImageResultCallback pull;
    try {
      pull = engine.client().pullImageCmd(ref).exec(new PullImageResultCallback());
    } catch (RuntimeException e) {
      throw Failures.of("cannot pull " + ref, e);
    }
    boolean done = false;
    try {
      done = pull.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return done;
    } catch (RuntimeException e) {
      throw Failures.of("cannot pull " + ref, e);
    } finally {
      if (!done) {
        Failures.closeQuietly(pull);
      }
    }
  }

  /**
   * Removes an image (untagging the name when {@code ref} is one of several names).
   *
   * @param force also when containers use it or it has several names
   * @param prune also remove the untagged parents only it had (the classic builder's intermediate
   *     images); false keeps them as layer cache
   * @return false when the engine had no such image
   * @throws EngineException when the engine cannot be asked or refuses (an image in use without force)
   */
  public boolean remove(String ref, boolean force, boolean prune) throws EngineException {
    try {
      engine.client().removeImageCmd(ref).withForce(force).withNoPrune(!prune).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw Failures.of("cannot remove image " + ref, e);
    }
  }

  /**
   * Imports a root filesystem tar as {@code image} (repo:tag) with Dockerfile {@code changes} (LABEL,
   * CMD ...), as {@code docker import --change} does.
   *
   * @return the error the engine reported in its progress stream, when the import failed there
   * @throws EngineException when the engine cannot be asked or refuses the request (not a tar)
   */
  public Optional<String> importTar(InputStream tar, String image, List<String> changes) throws EngineException {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("fromSrc", "-");
    // repo:tag in one parameter: Podman 4 ignores a separate tag (and tags :latest instead)
    q.put("repo", image);
    q.put("changes", changes);
    StringBuilder error = new StringBuilder();
    engine.http().stream("POST", "/images/create" + EngineHttp.query(q), Map.of("Content-Type", "application/x-tar"), tar,
        m -> {
          if (m.has("error")) {
            error.append(m.get("error").asText());
          }
        });
    return error.length() == 0 ? Optional.empty() : Optional.of(error.toString());
  }
}
