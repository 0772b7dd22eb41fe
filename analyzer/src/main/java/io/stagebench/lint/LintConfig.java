package io.stagebench.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stagebench.StagebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lint settings of {@code .hadolint.yaml} and {@code .stagebench.yaml}: the same keys,
 * {@code ignored} (a list of rule IDs) and {@code failure-threshold} (error, warning, info, style,
 * none). Other keys of hadolint's file are accepted and ignored.
 *
 * @param ignored rule IDs to leave out
 * @param failureThreshold the threshold, when the file sets one (empty value = none)
 * @param sources the files read
 */
public record LintConfig(Set<String> ignored, Optional<Threshold> failureThreshold, List<Path> sources) {
  public static final List<String> FILE_NAMES = List.of(".stagebench.yaml", ".hadolint.yaml");

  public LintConfig {
    ignored = Set.copyOf(ignored);
    sources = List.copyOf(sources);
  }

  /** A failure threshold: a severity, or none (never fail). */
  public record Threshold(Optional<Severity> severity) {
    public static Optional<Threshold> parse(String s) {
      if (s.trim().equalsIgnoreCase("none")) {
        return Optional.of(new Threshold(Optional.empty()));
      }
      return Severity.parse(s).map(v -> new Threshold(Optional.of(v)));
    }

    public boolean failsOn(Severity s) {
      return severity.map(s::reaches).orElse(false);
    }

    public String label() {
      return severity.map(Severity::label).orElse("none");
    }
  }

  public static LintConfig empty() {
    return new LintConfig(Set.of(), Optional.empty(), List.of());
  }

  /**
   * The config given with {@code --config}, or else every one of {@link #FILE_NAMES} present in
   * the directory (ignore lists merged; the stagebench file's threshold wins).
   */
  public static LintConfig load(Optional<Path> explicit, Path workingDir) throws StagebenchException {
    if (explicit.isPresent()) {
      return read(explicit.get());
    }
    LintConfig merged = empty();
    for (String name : FILE_NAMES) {
      Path p = workingDir.resolve(name);
      if (Files.isRegularFile(p)) {
        LintConfig c = read(p);
        Set<String> ign = new LinkedHashSet<>(merged.ignored);
        ign.addAll(c.ignored);
        List<Path> src = new ArrayList<>(merged.sources);
        src.add(p);
        merged = new LintConfig(ign, merged.failureThreshold.or(c::failureThreshold), src);
      }
    }
    return merged;
  }

  /** Reads one YAML file. */
  public static LintConfig read(Path p) throws StagebenchException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(p));
    } catch (NoSuchFileException e) {
      throw new StagebenchException(StagebenchException.Category.USAGE, "config " + p + ": no such file");
    } catch (IOException e) {
      String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new StagebenchException(StagebenchException.Category.USAGE, "config " + p + ": not valid YAML: " + msg);
    }
    Set<String> ignored = new LinkedHashSet<>();
    Optional<Threshold> threshold = Optional.empty();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      if (!root.isObject()) {
        throw new StagebenchException(StagebenchException.Category.USAGE, "config " + p + ": expected a mapping with ignored and failure-threshold");
      }
      JsonNode ign = root.get("ignored");
      if (ign != null && !ign.isNull()) {
        if (!ign.isArray()) {
          throw new StagebenchException(StagebenchException.Category.USAGE, "config " + p + ": ignored must be a list of rule IDs");
        }
        ign.forEach(n -> ignored.add(n.asText().trim().toUpperCase(Locale.ROOT)));
      }
      JsonNode th = root.get("failure-threshold");
      if (th != null && !th.isNull()) {
        threshold = Threshold.parse(th.asText());
        if (threshold.isEmpty()) {
          throw new StagebenchException(StagebenchException.Category.USAGE,
              "config " + p + ": failure-threshold " + th.asText() + " is not one of error, warning, info, style, none");
        }
      }
    }
    return new LintConfig(ignored, threshold, List.of(p));
  }
}
