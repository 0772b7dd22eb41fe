package io.stagebench.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * A dependency of a stage on another stage or on an image.
 *
 * @param kind how the dependency is written
 * @param stage the index of the stage that depends
 * @param target the index of the stage depended on; empty when the reference is an image
 * @param reference the reference after ARG expansion ({@code build}, {@code 0}, {@code alpine:3})
 * @param line the 1-based line of the instruction
 */
public record Edge(Kind kind, int stage, Optional<Integer> target, String reference, int line) {
  public Edge {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reference, "reference");
  }

  /** How the dependency is written. */
  public enum Kind {
    /** {@code FROM <stage or image>} */
    FROM,
    /** {@code COPY --from=<stage or image>} */
    COPY_FROM,
    /** {@code RUN --mount=...,from=<stage or image>} */
    MOUNT_FROM
  }

  /** Whether the reference is a stage index rather than a name ({@code COPY --from=0}). */
  public boolean byIndex() {
    return reference.chars().allMatch(Character::isDigit) && !reference.isEmpty();
  }
}
