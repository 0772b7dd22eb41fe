package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3024: FROM aliases (stage names) must be unique. */
public final class DuplicateStageName extends Rule {
  public DuplicateStageName() {
    super("DL3024", Severity.ERROR, "FROM aliases (stage names) must be unique",
        "Two stages with one name make --from and --target ambiguous.",
        "Rename one of the stages.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    Set<String> seen = new HashSet<>();
    for (Stage s : ctx.stages()) {
      if (s.name().isPresent() && !seen.add(s.name().get())) {
        sink.report(s.from(), "stage name " + s.name().get() + " is used by an earlier stage");
      }
    }
  }
}
