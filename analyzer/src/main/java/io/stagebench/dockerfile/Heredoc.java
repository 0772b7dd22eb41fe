package io.stagebench.dockerfile;

import java.util.Objects;

/**
 * A here-document attached to a RUN, COPY or ADD instruction ({@code <<EOF ... EOF}).
 *
 * @param name the delimiter word with its quotes removed ({@code EOF})
 * @param fileDescriptor the descriptor digits before {@code <<} ({@code 3<<EOF}), 0 when absent
 * @param expand whether variables in the content are expanded: false when any part of the
 *     delimiter was quoted ({@code <<"EOF"}, {@code <<'EOF'})
 * @param chomp whether leading tabs are stripped ({@code <<-EOF})
 * @param content the body lines, each with its line ending, without the terminator line
 * @param startLine the 1-based line of the first body line
 * @param endLine the 1-based line of the terminator
 */
public record Heredoc(
    String name,
    int fileDescriptor,
    boolean expand,
    boolean chomp,
    String content,
    int startLine,
    int endLine) {
  public Heredoc {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }

  /** The content as the build sees it: with leading tabs removed from each line for {@code <<-}. */
  public String effectiveContent() {
    return chomp ? content.replaceAll("(?m)^\t+", "") : content;
  }
}
