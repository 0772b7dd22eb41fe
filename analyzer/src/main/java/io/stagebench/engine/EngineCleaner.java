package io.stagebench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Removes what stagebench created, found by its {@link Labels#RUN} label: containers first, then
 * images (untagging every tag). Base images carry no run label (images built FROM them inherit
 * their base label, so that label cannot tell them apart), so they are never touched.
 */
public final class EngineCleaner {
  private final Engine engine;

  public EngineCleaner(Engine engine) {
    this.engine = engine;
  }

  /** What was removed, and what could not be. */
  public record Outcome(int containers, int images, List<String> failures) {}

  /** The run IDs that have containers or images in the engine, with their object counts. */
  public Map<String, Integer> runs() throws EngineException {
    Map<String, Integer> runs = new LinkedHashMap<>();
    try {
      for (Container c : engine.client().listContainersCmd().withShowAll(true).withLabelFilter(List.of(Labels.RUN)).exec()) {
        runs.merge(c.getLabels().get(Labels.RUN), 1, Integer::sum);
      }
      for (Image i : engine.client().listImagesCmd().withShowAll(true).withLabelFilter(Labels.RUN).exec()) {
        if (i.getLabels() != null && i.getLabels().get(Labels.RUN) != null) {
          runs.merge(i.getLabels().get(Labels.RUN), 1, Integer::sum);
        }
      }
    } catch (RuntimeException e) {
      throw engine.unreachable("list", e);
    }
    return runs;
  }

  /**
   * Removes the containers and images of the runs that {@code runFilter} accepts.
   *
   * @throws EngineException when the engine cannot be reached
   */
  public Outcome remove(Predicate<String> runFilter) throws EngineException {
    return remove(runFilter, false);
  }

  /**
   * Removes the containers, and unless {@code keepImages} the images, of the runs that
   * {@code runFilter} accepts.
   *
   * @throws EngineException when the engine cannot be reached
   */
  public Outcome remove(Predicate<String> runFilter, boolean keepImages) throws EngineException {
    List<String> failures = new ArrayList<>();
    int containers = 0;
    int images = 0;
    try {
      for (Container c : engine.client().listContainersCmd().withShowAll(true).withLabelFilter(List.of(Labels.RUN)).exec()) {
        if (!runFilter.test(c.getLabels().get(Labels.RUN))) {
          continue;
        }
        try {
          engine.client().removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
          containers++;
        } catch (NotFoundException gone) {
          // removed meanwhile
        } catch (DockerException e) {
          failures.add("container " + c.getId().substring(0, 12) + ": " + Engine.rootMessage(e));
        }
      }
      if (keepImages) {
        return new Outcome(containers, images, failures);
      }
      for (Image i : engine.client().listImagesCmd().withShowAll(true).withLabelFilter(Labels.RUN).exec()) {
        Map<String, String> labels = i.getLabels();
        if (labels == null || !runFilter.test(labels.get(Labels.RUN))) {
          continue;
        }
        try {
          // noPrune keeps the untagged parent layers: they are the classic builder's layer cache.
          engine.client().removeImageCmd(i.getId()).withForce(true).withNoPrune(true).exec();
          images++;
        } catch (NotFoundException gone) {
          // a parent removed with its child
        } catch (DockerException e) {
          failures.add("image " + i.getId() + ": " + Engine.rootMessage(e));
        }
      }
    } catch (RuntimeException e) {
      throw engine.unreachable("clean", e);
    }
    return new Outcome(containers, images, failures);
  }

  /** What BuildKit records the daemon makes of an uploaded context tar: one per build, never reused. */
  static final String UPLOADED_CONTEXT = "http url http://build-context-";

  /**
   * Removes the build-cache records of build contexts uploaded for BuildKit builds that are over.
   * The engine keeps one per {@code POST /build?version=2} under a random URL, so no later build can
   * hit them: they only grow the cache (about 5 KiB and one record per build). Records in use (a
   * build in flight, of any client) are left alone; the cached results of build steps are kept.
   *
   * @return how many records were removed
   * @throws EngineException when the engine cannot be reached or refuses
   */
  public int pruneUploadedContexts() throws EngineException {
    EngineHttp.Answer df = engine.http().call("GET", "/system/df");
    if (df.status() >= 400) {
      throw new EngineException("cannot list the build cache: " + df.message());
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode r : df.body().path("BuildCache")) {
      if (r.path("Description").asText("").startsWith(UPLOADED_CONTEXT) && !r.path("InUse").asBoolean(false)
          && r.path("ID").asText("").matches("[A-Za-z0-9]+")) {
        ids.add(r.path("ID").asText());
      }
    }
    int removed = 0;
    // the daemon turns an id filter into a BuildKit regular-expression match; batches keep the URL short
    for (int from = 0; from < ids.size(); from += 100) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + 100));
      String filter = "{\"id\":[\"\\\"^(" + String.join("|", batch) + ")$\\\"\"]}";
      EngineHttp.Answer pruned = engine.http().call("POST", "/build/prune" + EngineHttp.query(Map.of("filters", filter)));
      if (pruned.status() >= 400) {
        throw new EngineException("cannot prune uploaded build contexts: " + pruned.message());
      }
      removed += pruned.body().path("CachesDeleted").size();
    }
    return removed;
  }
}
