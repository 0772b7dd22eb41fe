package io.stagebench.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An instruction with its variables expanded where Docker expands them (FROM, COPY, ADD, ENV,
 * LABEL, ARG, EXPOSE, VOLUME, USER, WORKDIR, STOPSIGNAL and the flags of COPY/ADD/RUN/FROM). RUN,
 * CMD, ENTRYPOINT, SHELL and HEALTHCHECK keep their text: the shell in the container expands it.
 *
 * @param instruction the parsed instruction
 * @param arguments the arguments after expansion (ENV/LABEL: key, value pairs flattened; quotes
 *     removed)
 * @param flags flag name to expanded value, last one wins; bare flags map to {@code "true"}
 * @param variables the ARG and ENV values visible to this instruction
 */
public record ResolvedInstruction(
    Instruction instruction,
    List<String> arguments,
    Map<String, String> flags,
    Map<String, String> variables) {
  public ResolvedInstruction {
    Objects.requireNonNull(instruction, "instruction");
    arguments = List.copyOf(arguments);
    flags = Map.copyOf(flags);
    variables = Map.copyOf(variables);
  }
}
