package io.stagebench.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Image references compared by what they name. Podman's compatible API resolves a short name like
 * {@code python:3.11-bookworm} to any local image whose name ends with it (here
 * {@code localhost/stagebench/python:3.11-bookworm}), so "the engine has this image" must be checked
 * against the names the found image really carries.
 */
public final class ImageRefs {
  private static final Pattern ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");

  private ImageRefs() {}

  /** Whether {@code ref} is an image ID (full or short) or a digest reference rather than a name. */
  public static boolean isIdOrDigest(String ref) {
    return ref.contains("@") || ID.matcher(ref).matches();
  }

  /**
   * A name in one spelling: no {@code docker.io/} (or {@code index.docker.io/}), no {@code library/}
   * for official images, no {@code localhost/} (Podman's prefix for loaded and built images), and
   * {@code :latest} when no tag is given.
   */
  public static String normalize(String name) {
    String n = name.trim();
    for (String p : new String[] {"docker.io/", "index.docker.io/", "localhost/"}) {
      if (n.startsWith(p)) {
        n = n.substring(p.length());
      }
    }
    if (n.startsWith("library/")) {
      n = n.substring("library/".length());
    }
    int slash = n.lastIndexOf('/');
    if (n.indexOf(':', slash + 1) < 0) {
      n = n + ":latest";
    }
    return n;
  }

  /**
   * Whether an image found for {@code requested} really carries that name: true for IDs and
   * digests, and for images with no names at all (nothing to check).
   */
  public static boolean carries(String requested, List<String> repoTags) {
    if (isIdOrDigest(requested) || repoTags == null || repoTags.isEmpty()) {
      return true;
    }
    String want = normalize(requested);
    return repoTags.stream().anyMatch(t -> normalize(t).equals(want));
  }
}
