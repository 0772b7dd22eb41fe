package io.stagebench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagebench.engine.BuilderKind;
import io.stagebench.fixture.Fixture;
import io.stagebench.fixture.Secrets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void namesThatLookSecretAreRecognisedWhateverTheirCase() {
    assertThat(List.of("NPM_TOKEN", "db_password", "AWS_SECRET_ACCESS_KEY", "apiKey", "GH_AUTH", "PASSWD"))
        .allMatch(Secrets::isSecretName);
    assertThat(List.of("NODE_ENV", "API_URL", "BASE_IMAGE", "VERSION")).noneMatch(Secrets::isSecretName);
  }

  @Test
  void secretValuesAreMaskedInTextAndLinesButOthersStay() {
    Secrets s = Secrets.of(Map.of("NPM_TOKEN", "tok-123456", "API_URL", "http://api.local", "SHORT_KEY", "ab"));
    assertThat(s.scrub("|2 API_URL=http://api.local NPM_TOKEN=tok-123456 /bin/sh -c npm ci"))
        .isEqualTo("|2 API_URL=http://api.local NPM_TOKEN=**** /bin/sh -c npm ci");
    assertThat(s.scrub(List.of("token tok-123456 twice tok-123456", "clean")))
        .containsExactly("token **** twice ****", "clean");
    // Two characters would mask ordinary text: not treated as a secret value.
    assertThat(s.scrub("abc")).isEqualTo("abc");
  }

  @Test
  void aSecretContainingAnotherIsMaskedWhole() {
    Secrets s = Secrets.of(Map.of("A_TOKEN", "abcd", "B_TOKEN", "xxabcdyy"));
    assertThat(s.scrub("v=xxabcdyy w=abcd")).isEqualTo("v=**** w=****");
  }

  @Test
  void maskedArgsHideSecretValuesOnly() {
    assertThat(Secrets.masked(Map.of("NPM_TOKEN", "t0k3n-value", "NODE_ENV", "production")))
        .containsEntry("NPM_TOKEN", Secrets.MASK).containsEntry("NODE_ENV", "production");
  }

  @Test
  void unitResultsNeverHandOutASecretFromReasonLogOrHistory() {
    Fixture.Variant v = new Fixture.Variant("single", "Dockerfile", "single-stage", Optional.empty(),
        Map.of("DEPLOY_TOKEN", "s3cr3t-deploy-value"), List.of(BuilderKind.CLASSIC), false);
    UnitResult u = new UnitResult(null, v, BuilderKind.CLASSIC);
    u.fail("build failed: echo s3cr3t-deploy-value", List.of("Step 2/3 : RUN echo s3cr3t-deploy-value", "done"));
    u.recordImage(new UnitResult.ImageRecord("sha256:1", 0, Optional.empty(), 1,
        List.of(new UnitResult.LayerFact("|1 DEPLOY_TOKEN=s3cr3t-deploy-value /bin/sh -c true", 0, false))));
    assertThat(u.reason()).hasValue("build failed: echo ****");
    assertThat(u.logTail()).containsExactly("Step 2/3 : RUN echo ****", "done");
    assertThat(u.layers().get(0).createdBy()).isEqualTo("|1 DEPLOY_TOKEN=**** /bin/sh -c true");
  }
}
