package io.stagebench.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Mutates the conformance corpus and our own samples a hundred thousand times: each mutant must
 * parse or fail with {@link DockerfileParseException}, never with anything else. Deterministic
 * (fixed seed), so a failure reproduces; the failing input is printed.
 */
class DockerfileFuzzTest {
  private static final long SEED = 0x5EEDL;
  private static final int ITERATIONS = 100_000;
  private static final int CHUNKS = 100;
  private static final String[] INSERTS = {
    "\\", "\\\n", "`", "<<", "<<EOF\n", "<<-'EOF'\n", "EOF\n", "\"", "'", "$", "${", "${A:-", "}",
    "[", "]", "[\"a\", ", "\n", "\r\n", "# escape=`\n", "# syntax=x\n", "--", "--from=", "=", " ",
    "\t", "ONBUILD ", "FROM ", "ARG A=1\n", "\uFEFF", "\u00A0", "é", "#", "\n\n", "HEALTHCHECK ",
  };

  static final List<String> SAMPLES =
      List.of(
          "FROM a AS b\nRUN <<EOF\necho hi\nEOF\nCOPY --from=b <<-X /dst\n\tx\n\tX\n",
          "# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN echo `\n  # c\n\n  done\n",
          "ARG V=1\nFROM ${V:-x} AS s\nENV A=\"b c\" D=e\\ f\nLABEL k=v\nONBUILD RUN x\nHEALTHCHECK NONE\n",
          "FROM --platform=$BUILDPLATFORM golang AS build\nRUN --mount=type=cache,target=/c go build\n"
              + "FROM scratch\nCOPY --from=build --chown=1:1 /out /app\nCMD [\"/app\"]\n",
          "FROM a\r\nMAINTAINER me\r\nRUN cat <<A <<\"B\"\r\na\r\nA\r\nb\r\nB\r\nEXPOSE 80 $P\r\n");

  @Test
  void mutantsParseOrFailWithAParseError() {
    List<String> seeds = new ArrayList<>(SAMPLES);
    seeds.addAll(corpusSeeds());
    long started = System.nanoTime();
    // Chunks with their own seeds keep the run deterministic while using every core.
    int parsed =
        IntStream.range(0, CHUNKS).parallel().map(chunk -> runChunk(chunk, seeds)).sum();
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("fuzz: %d mutants, %d parsed, %d ms%n", ITERATIONS, parsed, ms);
    assertThat(parsed).isPositive();
    assertThat(parsed).isLessThan(ITERATIONS);
  }

  private static int runChunk(int chunk, List<String> seeds) {
    SplittableRandom random = new SplittableRandom(SEED + chunk);
    int parsed = 0;
    for (int n = 0; n < ITERATIONS / CHUNKS; n++) {
      String mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
      try {
        if (exercise(mutant)) {
          parsed++;
        }
      } catch (Throwable t) {
        throw new AssertionError(
            "chunk " + chunk + " mutant #" + n + " escaped with " + t
                + "\n--- input (Java-escaped) ---\n" + escape(mutant),
            t);
      }
    }
    return parsed;
  }

  /** Parses and uses the result the ways callers do; true when it parsed. */
  private static boolean exercise(String text) throws Exception {
    Dockerfile df;
    try {
      df = DockerfileParser.parseSyntax(text);
      BuildKitDump.dump(df);
      StageValidator.validate(df);
    } catch (DockerfileParseException e) {
      assertThat(e.getMessage()).doesNotContain("internal parser error");
      assertThat(e.reason()).doesNotContain("\n");
      return false;
    }
    try {
      StageGraph.resolve(df, Map.of("A", "x"), Optional.empty());
    } catch (StageGraphException expected) {
      // a bad substitution or reference: a clear error, not a crash
    }
    return true;
  }

  static String mutate(String seed, SplittableRandom r) {
    StringBuilder sb = new StringBuilder(seed);
    int count = 1 + r.nextInt(4);
    for (int k = 0; k < count; k++) {
      int len = sb.length();
      int at = len == 0 ? 0 : r.nextInt(len + 1);
      switch (r.nextInt(5)) {
        case 0 -> { // replace one character with a random one, ASCII mostly
          if (len > 0) {
            int i = Math.min(at, len - 1);
            char c = r.nextInt(10) == 0 ? (char) r.nextInt(0x3000) : (char) r.nextInt(128);
            sb.setCharAt(i, Character.isSurrogate(c) ? '?' : c);
          }
        }
        case 1 -> { // delete a range
          if (len > 0) {
            int end = Math.min(len, at + 1 + r.nextInt(8));
            sb.delete(Math.min(at, len - 1), end);
          }
        }
        case 2 -> { // duplicate a line
          String s = sb.toString();
          int start = s.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
          int end = s.indexOf('\n', start);
          end = end < 0 ? s.length() : end + 1;
          sb.insert(start, s, start, end);
        }
        default -> sb.insert(at, INSERTS[r.nextInt(INSERTS.length)]);
      }
    }
    return sb.toString();
  }

  private static List<String> corpusSeeds() {
    List<String> out = new ArrayList<>();
    for (String dir : List.of("testfiles", "testfiles-negative")) {
      for (Path c : Corpus.cases(dir)) {
        try {
          out.add(DockerfileParser.decode(Files.readAllBytes(c.resolve("Dockerfile"))));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '\n') {
        sb.append("\\n\n");
      } else if (c < 0x20 || c > 0x7e) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
