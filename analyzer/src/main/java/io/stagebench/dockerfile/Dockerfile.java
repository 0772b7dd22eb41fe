package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Dockerfile: immutable, in file order.
 *
 * @param directives the parser directives at the top ({@code syntax}, {@code escape}, {@code
 *     check})
 * @param escapeChar the escape character ({@code \} or a backtick)
 * @param instructions every instruction in file order, including the ARGs before the first FROM
 * @param comments every comment line with its line number (directives excluded)
 * @param globalArgs the instructions before the first FROM (only ARGs in a valid file)
 * @param stages the build stages in order; empty only for a file parsed with {@link
 *     DockerfileParser#parseSyntax(String)} that has no FROM
 * @param emptyContinuationLines lines that were blank inside a continuation (BuildKit warns)
 */
public record Dockerfile(
    List<Directive> directives,
    char escapeChar,
    List<Instruction> instructions,
    List<Comment> comments,
    List<Instruction> globalArgs,
    List<Stage> stages,
    List<Integer> emptyContinuationLines) {

  public Dockerfile {
    directives = List.copyOf(directives);
    instructions = List.copyOf(instructions);
    comments = List.copyOf(comments);
    globalArgs = List.copyOf(globalArgs);
    stages = List.copyOf(stages);
    emptyContinuationLines = List.copyOf(emptyContinuationLines);
  }

  /** The value of a parser directive by lower-case name ({@code directive("syntax")}). */
  public Optional<String> directive(String name) {
    return directives.stream().filter(d -> d.name().equals(name)).map(Directive::value).findFirst();
  }

  /** The last stage, which {@code docker build} builds without {@code --target}. */
  public Stage finalStage() {
    if (stages.isEmpty()) {
      throw new IllegalStateException("no stages");
    }
    return stages.get(stages.size() - 1);
  }

  /** The stage with this name (any case) or index, as {@code --target}/{@code --from} resolve. */
  public Optional<Stage> stage(String nameOrIndex) {
    Objects.requireNonNull(nameOrIndex, "nameOrIndex");
    for (Stage s : stages) {
      if (s.name().isPresent() && s.answersTo(nameOrIndex)) {
        return Optional.of(s);
      }
    }
    return stages.stream().filter(s -> s.answersTo(nameOrIndex)).findFirst();
  }

  /** The stage containing this instruction; empty for a global ARG. */
  public Optional<Stage> stageOf(Instruction instruction) {
    for (Stage s : stages) {
      if (s.from() == instruction || s.body().stream().anyMatch(i -> i == instruction)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Every instruction with this keyword in file order, any case ({@code instructions("COPY")}). */
  public List<Instruction> instructions(String keyword) {
    return instructions.stream().filter(i -> i.is(keyword)).toList();
  }

  /**
   * The block of comment lines directly above an instruction (no blank line between), nearest
   * last: where {@code # hadolint ignore=...} pragmas live.
   */
  public List<Comment> commentsBefore(Instruction instruction) {
    List<Comment> block = new ArrayList<>();
    int want = instruction.startLine() - 1;
    for (int i = comments.size() - 1; i >= 0 && want > 0; i--) {
      Comment c = comments.get(i);
      if (c.line() > want) {
        continue;
      }
      if (c.line() != want) {
        break;
      }
      block.add(c);
      want--;
    }
    Collections.reverse(block);
    return block;
  }

  /** The comment on the line directly before an instruction, if that line is a comment. */
  public Optional<Comment> commentOnLineBefore(Instruction instruction) {
    List<Comment> block = commentsBefore(instruction);
    return block.isEmpty() ? Optional.empty() : Optional.of(block.get(block.size() - 1));
  }
}
