package io.stagebench.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code RUN --mount=...} value, read as BuildKit reads it: comma-separated {@code key=value}
 * fields (CSV, so a field may be double-quoted), type {@code bind} by default.
 *
 * @param type bind, cache, tmpfs, secret or ssh
 * @param options every field in order, keys lower-cased, a bare key mapped to {@code "true"}
 */
public record Mount(String type, Map<String, String> options) {
  public Mount {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** Parses a flag value such as {@code type=cache,target=/root/.m2}. */
  public static Mount parse(String value) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String field : csvFields(value)) {
      if (field.isEmpty()) {
        continue;
      }
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      options.put(key, eq < 0 ? "true" : field.substring(eq + 1));
    }
    return new Mount(options.getOrDefault("type", "bind").toLowerCase(Locale.ROOT), options);
  }

  /** The stage or image the mount reads from ({@code from=}); empty means the build context. */
  public Optional<String> from() {
    return Optional.ofNullable(options.get("from"));
  }

  /** Where it is mounted: {@code target}, {@code dst} or {@code destination}. */
  public Optional<String> target() {
    return first("target", "dst", "destination");
  }

  /** What is mounted from the source: {@code source} or {@code src}. */
  public Optional<String> source() {
    return first("source", "src");
  }

  /** The cache or secret id. */
  public Optional<String> id() {
    return Optional.ofNullable(options.get("id"));
  }

  private Optional<String> first(String... keys) {
    for (String k : keys) {
      if (options.containsKey(k)) {
        return Optional.of(options.get(k));
      }
    }
    return Optional.empty();
  }

  private static List<String> csvFields(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
