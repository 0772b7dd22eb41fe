package io.stagebench.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks the values of build arguments whose names look secret ({@code *TOKEN*}, {@code *PASSWORD*},
 * {@code *SECRET*}, {@code *KEY*} and a few spellings of the same) wherever the harness repeats
 * text it got from a build: failure reasons, log tails, the image history's {@code created_by}.
 */
public final class Secrets {
  /** What a masked value is replaced with. */
  public static final String MASK = "****";

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(TOKEN|PASSWORD|PASSWD|SECRET|KEY|CREDENTIAL|AUTH).*");

  /** Values shorter than this are not masked: they would blank out ordinary words. */
  static final int MIN_LENGTH = 4;

  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values;
  }

  /** Whether a build argument of this name is treated as a secret. */
  public static boolean isSecretName(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  /** The secrets among {@code buildArgs}: the values of those whose names look secret. */
  public static Secrets of(Map<String, String> buildArgs) {
    List<String> vals = new ArrayList<>();
    buildArgs.forEach((k, v) -> {
      if (v != null && v.length() >= MIN_LENGTH && isSecretName(k)) {
        vals.add(v);
      }
    });
    // Longest first, so that a secret containing another is masked whole.
    vals.sort(Comparator.comparingInt(String::length).reversed());
    return new Secrets(List.copyOf(vals));
  }

  /** {@code text} with every secret value replaced by {@link #MASK}. */
  public String scrub(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String out = text;
    for (String v : values) {
      out = out.replace(v, MASK);
    }
    return out;
  }

  /** Each line scrubbed. */
  public List<String> scrub(List<String> lines) {
    if (values.isEmpty()) {
      return lines;
    }
    return lines.stream().map(this::scrub).toList();
  }

  /** {@code args} with secret values masked, for printing or reporting. */
  public static Map<String, String> masked(Map<String, String> args) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    args.forEach((k, v) -> out.put(k, isSecretName(k) ? MASK : v));
    return out;
  }
}
