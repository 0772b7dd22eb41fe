package io.stagebench.bases;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of base-image build args: {@code fixtures/profiles/<name>}, one {@code NAME=IMAGE} per line,
 * {@code #} comments. {@code hub} maps to public images, {@code offline} to images built here.
 *
 * @param name the profile's name
 * @param buildArgs build arg name to image reference, in file order
 */
public record Profile(String name, Map<String, String> buildArgs) {
  public static final List<String> NAMES = List.of("hub", "offline");

  public Profile {
    buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
  }

  /**
   * Reads {@code fixtures/profiles/<name>} under the checkout.
   *
   * @throws StagebenchException usage for an unknown name, environment for an unreadable or
   *     malformed file
   */
  public static Profile load(Path home, String name) throws StagebenchException {
    if (!NAMES.contains(name)) {
      throw new StagebenchException(
          Category.USAGE, "unknown profile \"" + name + "\"; use one of auto, " + String.join(", ", NAMES));
    }
    Path file = home.resolve("fixtures").resolve("profiles").resolve(name);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StagebenchException(
          Category.ENVIRONMENT, "cannot read profile " + home.relativize(file) + ": " + e.getMessage());
    }
    return parse(name, lines, home.relativize(file).toString());
  }

  static Profile parse(String name, List<String> lines, String where) throws StagebenchException {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || eq == line.length() - 1 || !line.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new StagebenchException(
            Category.ENVIRONMENT,
            where + ":" + (i + 1) + ": expected NAME=IMAGE, got \"" + line + "\"");
      }
      args.put(line.substring(0, eq), line.substring(eq + 1).strip());
    }
    return new Profile(name, args);
  }
}
