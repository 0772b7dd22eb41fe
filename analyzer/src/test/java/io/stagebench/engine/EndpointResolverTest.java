package io.stagebench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointResolverTest {
  @TempDir Path home;

  @Test
  void defaultSocketWhenNothingIsSet() throws Exception {
    EngineEndpoint e = new EndpointResolver(Map.of(), home).resolve();
    assertThat(e.host()).isEqualTo("unix:///var/run/docker.sock");
    assertThat(e.tlsVerify()).isFalse();
    assertThat(e.certPath()).isEmpty();
    assertThat(e.source()).isEqualTo("default socket");
  }

  @Test
  void dockerHostWins() throws Exception {
    writeContext("remote", "tcp://ctx:2376", false);
    writeConfig("remote");
    EngineEndpoint e = new EndpointResolver(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375"), home).resolve();
    assertThat(e.host()).isEqualTo("tcp://10.0.0.1:2375");
    assertThat(e.source()).isEqualTo("DOCKER_HOST");
  }

  @Test
  void tlsVerifyUsesCertPathOrDefaultsToDotDocker() throws Exception {
    EngineEndpoint withPath = new EndpointResolver(
        Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"), home).resolve();
    assertThat(withPath.tlsVerify()).isTrue();
    assertThat(withPath.certPath()).contains(Path.of("/certs"));

    EngineEndpoint defaulted =
        new EndpointResolver(Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "1"), home).resolve();
    assertThat(defaulted.certPath()).contains(home.resolve(".docker"));
  }

  @Test
  void tlsVerifyZeroOrEmptyMeansOff() throws Exception {
    for (String v : new String[] {"0", "", "false"}) {
      EngineEndpoint e = new EndpointResolver(Map.of("DOCKER_HOST", "tcp://h:2375", "DOCKER_TLS_VERIFY", v), home).resolve();
      assertThat(e.tlsVerify()).as("DOCKER_TLS_VERIFY=%s", v).isFalse();
    }
  }

  @Test
  void currentContextFromConfig() throws Exception {
    writeContext("colima", "unix:///home/u/.colima/docker.sock", false);
    writeConfig("colima");
    EngineEndpoint e = new EndpointResolver(Map.of(), home).resolve();
    assertThat(e.host()).isEqualTo("unix:///home/u/.colima/docker.sock");
    assertThat(e.source()).isEqualTo("context \"colima\"");
    assertThat(e.tlsVerify()).isFalse();
  }

  @Test
  void dockerContextOverridesConfigAndCarriesTls() throws Exception {
    writeContext("a", "unix:///a.sock", false);
    Path tls = writeContext("secure", "tcp://secure:2376", true);
    writeConfig("a");
    EngineEndpoint e = new EndpointResolver(Map.of("DOCKER_CONTEXT", "secure"), home).resolve();
    assertThat(e.host()).isEqualTo("tcp://secure:2376");
    assertThat(e.tlsVerify()).isTrue();
    assertThat(e.certPath()).isEqualTo(Optional.of(tls));
  }

  @Test
  void defaultContextMeansDefaultSocket() throws Exception {
    writeConfig("default");
    assertThat(new EndpointResolver(Map.of(), home).resolve().host()).isEqualTo(EngineEndpoint.DEFAULT_HOST);
  }

  @Test
  void dockerConfigVariableMovesTheConfigDirectory() throws Exception {
    Path other = home.resolve("elsewhere");
    Path meta = other.resolve("contexts/meta/" + EndpointResolver.sha256Hex("x"));
    Files.createDirectories(meta);
    Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"x\",\"Endpoints\":{\"docker\":{\"Host\":\"unix:///x.sock\"}}}");
    Files.writeString(other.resolve("config.json"), "{\"currentContext\":\"x\"}");
    EngineEndpoint e = new EndpointResolver(Map.of("DOCKER_CONFIG", other.toString()), home).resolve();
    assertThat(e.host()).isEqualTo("unix:///x.sock");
  }

  @Test
  void unknownContextIsAClearError() {
    assertThatThrownBy(() -> new EndpointResolver(Map.of("DOCKER_CONTEXT", "nope"), home).resolve())
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("docker context \"nope\" does not exist")
        .hasMessageNotContaining("\n");
  }

  @Test
  void brokenConfigIsAClearError() throws Exception {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), "{not json");
    assertThatThrownBy(() -> new EndpointResolver(Map.of(), home).resolve())
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("config.json");
  }

  private void writeConfig(String current) throws IOException {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{},\"currentContext\":\"" + current + "\"}");
  }

  private Path writeContext(String name, String host, boolean tls) throws IOException {
    String id = EndpointResolver.sha256Hex(name);
    Path meta = home.resolve(".docker/contexts/meta/" + id);
    Files.createDirectories(meta);
    Files.writeString(meta.resolve("meta.json"),
        "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
    Path tlsDir = home.resolve(".docker/contexts/tls/" + id + "/docker");
    if (tls) {
      Files.createDirectories(tlsDir);
      Files.writeString(tlsDir.resolve("ca.pem"), "x");
      Files.writeString(tlsDir.resolve("cert.pem"), "x");
      Files.writeString(tlsDir.resolve("key.pem"), "x");
    }
    return tlsDir;
  }
}
