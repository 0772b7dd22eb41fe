package io.stagebench.lint.rules;

import io.stagebench.dockerfile.*;
import io.stagebench.lint.*;
import java.util.*;

/** DL3022: COPY --from should reference a previously defined FROM alias. */
public final class CopyFromUnknown extends Rule {
  public CopyFromUnknown() {
    super("DL3022", Severity.WARNING, "COPY --from should reference a previously defined FROM alias",
        "A --from that names no earlier stage is read as an image to pull, usually a typo of a stage name.",
        "Name the source stage with FROM ... AS name and use --from=name, or give a full image reference.");
  }

  @Override
  public void check(LintContext ctx, Sink sink) {
    Set<String> earlierRefs = new HashSet<>();
    for (Stage s : ctx.stages()) {
      for (Instruction copy : s.instructions("COPY")) {
        String from = ctx.resolved(copy).map(r -> r.flags().get("from")).orElse(copy.flagValue("from").orElse(null));
        if (from == null || from.contains(":") || from.contains("/") || from.contains("$")) {
          continue;
        }
        boolean earlier = earlierRefs.contains(from.toLowerCase(Locale.ROOT));
        boolean self = s.answersTo(from);
        if (!earlier && !self) {
          sink.report(copy, "COPY --from=" + from + " names no earlier stage");
        }
      }
      earlierRefs.add(Integer.toString(s.index()));
      s.name().ifPresent(earlierRefs::add);
    }
  }
}
