package io.stagebench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --shard I/N}: this process measures the I-th of N deterministic, interleaved slices of
 * the (fixture, variant) units, so N machines with their own engines share one run.
 */
public record Shard(int index, int count) {
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard " + index + "/" + count + " is not I/N with 1 <= I <= N");
    }
  }

  /**
   * Parses {@code I/N}.
   *
   * @throws IllegalArgumentException with a one-line message when malformed
   */
  public static Shard parse(String s) {
    String[] parts = s.split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("--shard takes I/N, e.g. 1/3, not \"" + s + "\"");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--shard takes I/N with whole numbers, not \"" + s + "\"");
    }
  }

  /** The units of this shard: every N-th unit starting at I, in the given (stable) order. */
  public <T> List<T> select(List<T> units) {
    List<T> out = new ArrayList<>();
    for (int i = index - 1; i < units.size(); i += count) {
      out.add(units.get(i));
    }
    return out;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
