package io.stagebench.bases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagebench.StagebenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraCaCertsTest {
  private static final String CERT_A = "-----BEGIN CERTIFICATE-----\r\nMIIBAAAA\r\nQUJD\r\n-----END CERTIFICATE-----\r\n";
  private static final String CERT_B = "-----BEGIN CERTIFICATE-----\nMIIBBBBB\n-----END CERTIFICATE-----\n";

  @TempDir Path dir;

  @Test
  void defaultsToEveryCrtOfTheDirectorySortedAndNormalised() throws Exception {
    Files.writeString(dir.resolve("b-proxy.crt"), "subject=whatever\n" + CERT_B);
    Files.writeString(dir.resolve("a-custom.crt"), CERT_A);
    Files.writeString(dir.resolve("notes.txt"), CERT_B);
    ExtraCaCerts ca = ExtraCaCerts.detect(Map.of(), dir);
    assertThat(ca.present()).isTrue();
    assertThat(ca.count()).isEqualTo(2);
    assertThat(ca.pem().orElseThrow())
        .isEqualTo("-----BEGIN CERTIFICATE-----\nMIIBAAAA\nQUJD\n-----END CERTIFICATE-----\n" + CERT_B);
    assertThat(ca.source()).contains("a-custom.crt,b-proxy.crt");
  }

  @Test
  void noneWithoutCertificatesOrWhenTurnedOff() throws Exception {
    assertThat(ExtraCaCerts.detect(Map.of(), dir.resolve("absent")).present()).isFalse();
    assertThat(ExtraCaCerts.detect(Map.of(), dir).present()).isFalse();
    Files.writeString(dir.resolve("a.crt"), CERT_A);
    assertThat(ExtraCaCerts.detect(Map.of(ExtraCaCerts.ENV, ""), dir).present()).isFalse();
    assertThat(ExtraCaCerts.detect(Map.of(ExtraCaCerts.ENV, "none"), dir).fingerprint()).isEqualTo("none");
  }

  @Test
  void theVariableNamesTheFileAndABadFileIsAnEnvironmentError() throws Exception {
    Files.writeString(dir.resolve("a.crt"), CERT_A);
    Path mine = Files.writeString(dir.resolve("mine.pem"), CERT_B);
    ExtraCaCerts ca = ExtraCaCerts.detect(Map.of(ExtraCaCerts.ENV, mine.toString()), dir);
    assertThat(ca.pem()).contains(CERT_B);
    assertThat(ca.fingerprint()).hasSize(16).isNotEqualTo(ExtraCaCerts.detect(Map.of(), dir).fingerprint());
    assertThatThrownBy(() -> ExtraCaCerts.detect(Map.of(ExtraCaCerts.ENV, dir.resolve("nope.pem").toString()), dir))
        .isInstanceOf(StagebenchException.class)
        .hasMessageContaining("STAGEBENCH_EXTRA_CA_CERTS=")
        .hasMessageContaining("cannot read");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    assertThatThrownBy(() -> ExtraCaCerts.detect(Map.of(ExtraCaCerts.ENV, empty.toString()), dir))
        .hasMessageContaining("holds no PEM certificate");
  }

  @Test
  void findsTheArgDeclaration() {
    assertThat(ExtraCaCerts.declaredBy("FROM x\nARG EXTRA_CA_CERTS=\nRUN true\n")).isTrue();
    assertThat(ExtraCaCerts.declaredBy("FROM x\n  arg EXTRA_CA_CERTS\n")).isTrue();
    assertThat(ExtraCaCerts.declaredBy("FROM x\nARG EXTRA_CA_CERTS_OTHER=1\n# ARG EXTRA_CA_CERTS\n")).isFalse();
  }

  @Test
  void onlyBasesDeclaringTheArgGetTheCaAndItNeverChangesTheDefinitionDigest() throws Exception {
    Path bases = Files.createDirectories(dir.resolve("home/fixtures/bases"));
    Files.writeString(bases.resolve("bases.json"), "{\"bases\":[{\"name\":\"root\",\"image\":\"s/root:1\",\"rootfs\":\"mk\"},"
        + "{\"name\":\"ca\",\"image\":\"s/ca:1\",\"dir\":\"ca\",\"after\":[\"root\"],\"buildArgs\":{\"X\":\"1\"}},"
        + "{\"name\":\"plain\",\"image\":\"s/plain:1\",\"dir\":\"plain\",\"after\":[\"root\"]}]}");
    Files.writeString(bases.resolve("mk"), "#!/bin/sh\n");
    Files.createDirectories(bases.resolve("ca"));
    Files.writeString(bases.resolve("ca/Dockerfile"), "FROM s/root:1\nARG EXTRA_CA_CERTS=\nRUN true\n");
    Files.createDirectories(bases.resolve("plain"));
    Files.writeString(bases.resolve("plain/Dockerfile"), "FROM s/root:1\nRUN true\n");
    BaseCatalog c = BaseCatalog.load(dir.resolve("home"));
    BaseCatalog.Base ca = c.byName("ca").orElseThrow();
    BaseCatalog.Base plain = c.byName("plain").orElseThrow();
    Files.writeString(dir.resolve("a.crt"), CERT_A);
    ExtraCaCerts some = ExtraCaCerts.detect(Map.of(), dir);
    ExtraCaCerts same = ExtraCaCerts.detect(Map.of(ExtraCaCerts.ENV, dir.resolve("a.crt").toString()), dir.resolve("x"));
    assertThat(same.fingerprint()).isEqualTo(some.fingerprint());

    assertThat(c.takesExtraCa(ca)).isTrue();
    assertThat(c.takesExtraCa(plain)).isFalse();
    assertThat(c.takesExtraCa(c.byName("root").orElseThrow())).isFalse();

    BaseImages withCa = new BaseImages(null, c, some);
    BaseImages without = new BaseImages(null, c, ExtraCaCerts.none());
    assertThat(withCa.buildArgs(ca)).containsEntry("X", "1").containsEntry("EXTRA_CA_CERTS", some.pem().orElseThrow());
    assertThat(withCa.buildArgs(plain)).isEmpty();
    assertThat(without.buildArgs(ca)).containsOnlyKeys("X");
    // Staleness: a CA on this machine requires it on the bases that take it, and nothing else.
    assertThat(withCa.caUpToDate(ca, some.fingerprint())).isTrue();
    assertThat(withCa.caUpToDate(ca, null)).isFalse();
    assertThat(withCa.caUpToDate(ca, "0123456789abcdef")).isFalse();
    assertThat(withCa.caUpToDate(plain, null)).isTrue();
    assertThat(without.caUpToDate(ca, null)).isTrue();
    assertThat(without.caUpToDate(ca, some.fingerprint())).isTrue();
  }
}
