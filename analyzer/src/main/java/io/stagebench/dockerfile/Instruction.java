package io.stagebench.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One instruction (one logical line, continuations joined) as BuildKit's parser sees it.
 *
 * @param keyword the instruction keyword in upper case ({@code RUN})
 * @param flags the builder flags in order ({@code --mount=...}); a bare {@code --} is dropped
 * @param rawArguments the argument text after the flags, trimmed, continuation lines joined
 * @param arguments the arguments as BuildKit's AST holds them: the exec-form elements, or one
 *     shell-form string for RUN/CMD/ENTRYPOINT/SHELL, or whitespace-separated words for FROM,
 *     COPY, ADD, VOLUME, EXPOSE, the raw words for ARG, flattened key/value/separator triples for
 *     ENV/LABEL, {@code [type, command...]} for HEALTHCHECK, and nothing for ONBUILD (see {@code
 *     onbuild})
 * @param json whether the arguments were a JSON (exec-form) array
 * @param heredocs the here-documents of a RUN/COPY/ADD, in order
 * @param keyValues the pairs of ENV, LABEL and ARG; empty for other instructions
 * @param startLine the 1-based first line
 * @param endLine the 1-based last line, including continuation and heredoc lines
 * @param onbuild the trigger instruction of an ONBUILD, which carries the same lines
 * @param original the whole logical line as the parser saw it (keyword, flags and arguments)
 */
public record Instruction(
    String keyword,
    List<Flag> flags,
    String rawArguments,
    List<String> arguments,
    boolean json,
    List<Heredoc> heredocs,
    List<KeyValue> keyValues,
    int startLine,
    int endLine,
    Optional<Instruction> onbuild,
    String original) {

  public Instruction {
    Objects.requireNonNull(keyword, "keyword");
    flags = List.copyOf(flags);
    Objects.requireNonNull(rawArguments, "rawArguments");
    arguments = List.copyOf(arguments);
    heredocs = List.copyOf(heredocs);
    keyValues = List.copyOf(keyValues);
    Objects.requireNonNull(onbuild, "onbuild");
    Objects.requireNonNull(original, "original");
  }

  /** Whether this is the given instruction, ignoring case ({@code is("run")}). */
  public boolean is(String name) {
    return keyword.equalsIgnoreCase(name);
  }

  /** The last flag with this name (without dashes, any case), as BuildKit lets a later one win. */
  public Optional<Flag> flag(String name) {
    Flag found = null;
    for (Flag f : flags) {
      if (f.name().equalsIgnoreCase(name)) {
        found = f;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Every flag with this name in order, for repeatable flags such as {@code --mount}. */
  public List<Flag> flags(String name) {
    return flags.stream().filter(f -> f.name().equalsIgnoreCase(name)).toList();
  }

  /** The value of the last flag with this name; empty when absent or bare. */
  public Optional<String> flagValue(String name) {
    return flag(name).flatMap(Flag::value);
  }

  /** Whether a flag with this name is present. */
  public boolean hasFlag(String name) {
    return flag(name).isPresent();
  }

  /** Whether a RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK command is written in shell form. */
  public boolean isShellForm() {
    return !json && !arguments.isEmpty();
  }

  /**
   * The command text of a RUN, CMD or ENTRYPOINT: the shell string, or the exec-form elements
   * joined by spaces (for searching, not for executing).
   */
  public String commandText() {
    return String.join(" ", arguments);
  }

  /** The value of the last ENV/LABEL/ARG pair with this key, as written. */
  public Optional<KeyValue> keyValue(String key) {
    KeyValue found = null;
    for (KeyValue kv : keyValues) {
      if (kv.key().equals(key)) {
        found = kv;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The instruction as written in a readable one-line form: keyword, flags, raw arguments. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(keyword);
    for (Flag f : flags) {
      sb.append(' ').append(f.raw());
    }
    if (!rawArguments.isEmpty()) {
      sb.append(' ').append(rawArguments);
    }
    return sb.toString();
  }

  /** The keyword in lower case, as BuildKit's dump and most error messages print it. */
  public String lowerKeyword() {
    return keyword.toLowerCase(Locale.ROOT);
  }
}
