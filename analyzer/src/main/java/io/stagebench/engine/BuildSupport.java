package io.stagebench.engine;

import io.stagebench.dockerfile.Dockerfile;
import io.stagebench.dockerfile.DockerfileParseException;
import io.stagebench.dockerfile.DockerfileParser;
import io.stagebench.dockerfile.Flag;
import io.stagebench.dockerfile.Instruction;
import io.stagebench.dockerfile.Mount;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds what in a Dockerfile a builder cannot do, before anything is sent: the classic builder
 * knows no BuildKit syntax, and BuildKit through the Engine API has no client session to serve
 * secrets or SSH agents.
 */
public final class BuildSupport {
  private BuildSupport() {}

  /** Why {@code builder} cannot build {@code dockerfile}, or empty when it can. */
  public static Optional<String> unsupported(Dockerfile df, String builder) {
    if (builder.equals("classic")) {
      if (df.directive("syntax").isPresent()) {
        return Optional.of("the '# syntax=' directive needs BuildKit");
      }
      for (Instruction i : df.instructions()) {
        String where = " (line " + i.startLine() + ")";
        if (!i.heredocs().isEmpty()) {
          return Optional.of("here-documents in " + i.keyword() + " need BuildKit" + where);
        }
        if (i.is("RUN")) {
          for (String f : new String[] {"mount", "network", "security"}) {
            if (i.hasFlag(f)) {
              return Optional.of("RUN --" + f + " needs BuildKit" + where);
            }
          }
        }
        if (i.is("COPY") || i.is("ADD")) {
          for (String f : new String[] {"link", "chmod", "parents", "exclude", "keep-git-dir", "checksum"}) {
            if (i.hasFlag(f)) {
              return Optional.of(i.keyword().toUpperCase(Locale.ROOT) + " --" + f + " needs BuildKit" + where);
            }
          }
        }
      }
      return Optional.empty();
    }
    for (Instruction i : df.instructions()) {
      if (!i.is("RUN")) {
        continue;
      }
      for (Flag f : i.flags("mount")) {
        String type = Mount.parse(f.valueOrTrue()).type();
        if (type.equals("secret") || type.equals("ssh")) {
          return Optional.of("RUN --mount=type=" + type + " needs a client session, which stagebench's "
              + "BuildKit builder (POST /build through the Engine API) does not open (line " + i.startLine() + ")");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Checks the request's Dockerfile for {@code builder}.
   *
   * @throws UnsupportedBuildException when the builder cannot build it
   */
  static void check(BuildRequest req, String builder) throws UnsupportedBuildException {
    Dockerfile df;
    try {
      df = DockerfileParser.parse(req.contextDir().resolve(req.dockerfile()));
    } catch (IOException | DockerfileParseException e) {
      return; // the engine will report what is wrong with it
    }
    Optional<String> why = unsupported(df, builder);
    if (why.isPresent()) {
      throw new UnsupportedBuildException(req.dockerfile() + " cannot be built with the " + builder
          + " builder: " + why.get());
    }
  }
}
