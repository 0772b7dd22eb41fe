package io.stagebench.engine;

import java.util.Locale;
import java.util.Set;

/**
 * One step of a build: a Dockerfile instruction that produces a filesystem layer ({@code RUN},
 * {@code COPY}, {@code ADD}, {@code WORKDIR}). {@code FROM} and metadata-only instructions
 * ({@code ENV}, {@code LABEL}, {@code CMD}, ...) are not steps, nor are BuildKit's internal vertexes
 * (loading the definition, the context transfer, exporting), so both builders count the same steps.
 *
 * @param name the builder's name for it ({@code RUN go build ...}, {@code [build 3/5] RUN go build ...})
 * @param durationMillis time from its start to its end as the builder reported it
 * @param status whether it ran or came from the cache
 */
public record BuildStep(String name, long durationMillis, Status status) {
  /** Ran or came from the cache. */
  public enum Status { EXECUTED, CACHED }

  private static final Set<String> FILESYSTEM = Set.of("RUN", "COPY", "ADD", "WORKDIR");

  /** Whether an instruction keyword counts as a step. */
  static boolean isStep(String keyword) {
    return FILESYSTEM.contains(keyword.toUpperCase(Locale.ROOT));
  }
}
