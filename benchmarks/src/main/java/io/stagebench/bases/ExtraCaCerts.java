package io.stagebench.bases;

import io.stagebench.StagebenchException.Category;
import io.stagebench.StagebenchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Extra CA certificates (PEM) that base images must trust, for networks that intercept TLS (a
 * sandbox's egress proxy): passed as the build arg {@code EXTRA_CA_CERTS} to the bases whose
 * Dockerfile declares it.
 *
 * <p>Where they come from: the file named by {@value #ENV} (empty or {@code none} turns them off);
 * when that is unset, every {@code *.crt} of {@value #DEFAULT_DIR} (where Debian keeps locally added
 * CAs, e.g. {@code sandboxing-egress-ca.crt}); none when there is none.
 *
 * @param pem the certificates, normalised (one PEM block after another, LF line ends), or empty
 * @param source where they were read from, for messages
 */
public record ExtraCaCerts(Optional<String> pem, String source) {
  public static final String ENV = "STAGEBENCH_EXTRA_CA_CERTS";
  public static final String DEFAULT_DIR = "/usr/local/share/ca-certificates";
  public static final String BUILD_ARG = "EXTRA_CA_CERTS";
  /** Label on a base built with extra CAs: their {@link #fingerprint()}. */
  public static final String LABEL = "io.stagebench.base.extra-ca";

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+?-----END CERTIFICATE-----");
  private static final Pattern DECLARES =
      Pattern.compile("(?im)^[ \\t]*ARG[ \\t]+" + BUILD_ARG + "([ \\t]*=.*)?[ \\t]*$");

  public static ExtraCaCerts none() {
    return new ExtraCaCerts(Optional.empty(), "none");
  }

  /** From the process environment and the machine's CA directory. */
  public static ExtraCaCerts detect() throws StagebenchException {
    return detect(System.getenv(), Path.of(DEFAULT_DIR));
  }

  /**
   * From {@code env} and {@code defaultDir}.
   *
   * @throws StagebenchException (environment) when {@value #ENV} names a file that cannot be read
   *     or holds no certificate
   */
  public static ExtraCaCerts detect(Map<String, String> env, Path defaultDir) throws StagebenchException {
    String named = env.get(ENV);
    if (named != null) {
      if (named.isBlank() || named.strip().equalsIgnoreCase("none")) {
        return none();
      }
      Path file = Path.of(named.strip());
      String text;
      try {
        text = Files.readString(file, StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        throw new StagebenchException(
            Category.ENVIRONMENT,
            ENV + "=" + named + ": cannot read the file (" + e.getClass().getSimpleName()
                + "); point it at a PEM file of CA certificates, or set it empty to pass none");
      }
      String pem = normalise(text);
      if (pem.isEmpty()) {
        throw new StagebenchException(
            Category.ENVIRONMENT,
            ENV + "=" + named + " holds no PEM certificate (-----BEGIN CERTIFICATE-----); fix the file or set it empty");
      }
      return new ExtraCaCerts(Optional.of(pem), named.strip());
    }
    if (!Files.isDirectory(defaultDir)) {
      return none();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(defaultDir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".crt")).filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      return none();
    }
    StringBuilder all = new StringBuilder();
    List<String> used = new ArrayList<>();
    for (Path f : files) {
      try {
        String pem = normalise(Files.readString(f, StandardCharsets.ISO_8859_1));
        if (!pem.isEmpty()) {
          all.append(pem);
          used.add(f.getFileName().toString());
        }
      } catch (IOException | UncheckedIOException e) {
        // An unreadable or binary file is not a certificate we can pass on; skip it.
      }
    }
    return all.length() == 0
        ? none()
        : new ExtraCaCerts(Optional.of(all.toString()), defaultDir + "/{" + String.join(",", used) + "}");
  }

  /** The PEM blocks of {@code text}, each followed by a newline; "" when there is none. */
  static String normalise(String text) {
    StringBuilder out = new StringBuilder();
    var m = BLOCK.matcher(text.replace("\r\n", "\n"));
    while (m.find()) {
      String block = m.group();
      StringBuilder b = new StringBuilder();
      for (String line : block.split("\n")) {
        if (!line.isBlank()) {
          b.append(line.strip()).append('\n');
        }
      }
      out.append(b);
    }
    return out.toString();
  }

  /** Whether the Dockerfile text declares {@code ARG EXTRA_CA_CERTS}. */
  public static boolean declaredBy(String dockerfile) {
    return DECLARES.matcher(dockerfile).find();
  }

  /** Whether the Dockerfile declares {@code ARG EXTRA_CA_CERTS}. */
  public static boolean declaredBy(Path dockerfile) {
    try {
      return declaredBy(Files.readString(dockerfile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return false;
    }
  }

  public boolean present() {
    return pem.isPresent();
  }

  /** A short fingerprint of the certificates (SHA-256, 16 hex digits), or "none". */
  public String fingerprint() {
    if (pem.isEmpty()) {
      return "none";
    }
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(pem.get().getBytes(StandardCharsets.ISO_8859_1)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many certificates. */
  public int count() {
    return pem.map(p -> (int) p.lines().filter(l -> l.startsWith("-----BEGIN CERTIFICATE-----")).count()).orElse(0);
  }
}
