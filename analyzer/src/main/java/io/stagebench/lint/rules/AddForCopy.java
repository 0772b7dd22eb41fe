package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;
import java.util.regex.Pattern;

/** DL3020: Use COPY instead of ADD for files and folders. */
public final class AddForCopy extends Rule {
  public AddForCopy() {
    super("DL3020", Severity.ERROR, "Use COPY instead of ADD for files and folders",
        "ADD also fetches URLs and unpacks archives; for plain files COPY says what it does.",
        "Replace ADD with COPY (keep ADD for URLs and local tar archives to unpack).");
  }

  private static final Pattern SPECIAL = Pattern.compile(
      "(?i)^(https?://|git@|git://).*|.*\\.(tar|tar\\.gz|tgz|tar\\.bz2|tbz2?|tar\\.xz|txz|tar\\.zst|gz|bz2|xz|zst)$");

  @Override
  public void check(LintContext ctx, Sink sink) {
    for (Stage s : ctx.stages()) {
      for (Instruction add : s.instructions("ADD")) {
        List<String> args = add.arguments();
        if (!add.heredocs().isEmpty() || args.size() < 2) {
          continue;
        }
        List<String> sources = args.subList(0, args.size() - 1);
        if (sources.stream().noneMatch(src -> SPECIAL.matcher(src).matches())) {
          sink.report(add, "ADD of local files " + String.join(" ", sources) + ": use COPY");
        }
      }
    }
  }
}
