package io.stagebench.engine;

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
}
