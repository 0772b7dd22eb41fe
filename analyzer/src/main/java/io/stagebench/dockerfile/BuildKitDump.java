package io.stagebench.dockerfile;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints the s-expression dump that BuildKit's own parser tests compare against: one line per
 * instruction, {@code (keyword ["--flag"] "arg" ...)}, Go-quoted.
 */
public final class BuildKitDump {
  private BuildKitDump() {}

  /** The whole file's dump, ending with one newline, as in the corpus' {@code result} files. */
  public static String dump(Dockerfile dockerfile) {
    return dockerfile.instructions().stream()
            .map(i -> "(" + dump(i) + ")")
            .collect(Collectors.joining("\n"))
        + "\n";
  }

  /** One instruction without the surrounding parentheses. */
  public static String dump(Instruction i) {
    StringBuilder sb = new StringBuilder(i.lowerKeyword());
    List<Flag> flags = i.flags();
    if (!flags.isEmpty()) {
      sb.append(" [")
          .append(flags.stream().map(f -> GoText.quote(f.raw())).collect(Collectors.joining(" ")))
          .append(']');
    }
    if (i.onbuild().isPresent()) {
      sb.append(" (").append(dump(i.onbuild().get())).append(')');
    }
    for (String arg : i.arguments()) {
      sb.append(' ').append(GoText.quote(arg));
    }
    return sb.toString();
  }
}
