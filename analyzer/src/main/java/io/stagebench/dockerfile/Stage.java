package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A build stage: a FROM instruction and the instructions up to the next FROM.
 *
 * @param index the 0-based position, which {@code COPY --from=<index>} refers to
 * @param name the name after {@code AS}, lower-cased as BuildKit compares it; empty when unnamed
 * @param from the FROM instruction
 * @param body the instructions after FROM, in file order
 */
public record Stage(int index, Optional<String> name, Instruction from, List<Instruction> body) {
  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    body = List.copyOf(body);
  }

  /** The base image or stage reference as written, before ARG expansion ({@code ${BASE}:1}). */
  public String baseName() {
    return from.arguments().isEmpty() ? "" : from.arguments().get(0);
  }

  /** The {@code --platform} value as written, before expansion. */
  public Optional<String> platform() {
    return from.flagValue("platform");
  }

  /** The body instructions with this keyword, any case ({@code instructions("RUN")}). */
  public List<Instruction> instructions(String keyword) {
    return body.stream().filter(i -> i.is(keyword)).toList();
  }

  /** FROM followed by the body. */
  public List<Instruction> all() {
    List<Instruction> all = new ArrayList<>(body.size() + 1);
    all.add(from);
    all.addAll(body);
    return all;
  }

  /** The 1-based first line (the FROM). */
  public int startLine() {
    return from.startLine();
  }

  /** The 1-based last line of the stage's last instruction. */
  public int endLine() {
    return body.isEmpty() ? from.endLine() : body.get(body.size() - 1).endLine();
  }

  /** The name if any, else the index, as {@code docker build} output names a stage. */
  public String displayName() {
    return name.orElse(Integer.toString(index));
  }

  /** Whether this stage answers to a {@code --from}/{@code --target} reference (name or index). */
  public boolean answersTo(String reference) {
    String ref = reference.toLowerCase(Locale.ROOT);
    return name.map(ref::equals).orElse(false) || ref.equals(Integer.toString(index));
  }
}
