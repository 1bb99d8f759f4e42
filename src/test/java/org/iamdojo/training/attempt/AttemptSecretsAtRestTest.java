package org.iamdojo.training.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.ConsoleSignIn;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an attempt keeps at rest: its log rows hold no sandbox console password in clear (they are AES-GCM sealed)
 * and no secret access key or session secret at all (replay makes them again from the seed), yet a rebuild after a
 * restart signs the user in with the same password and the key still resolves.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateLoginProfile.html
 */
@InMemoryAppTest
class AttemptSecretsAtRestTest {
    @Autowired
    AttemptService attempts;
    @Autowired
    MemberService members;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLogHoldsNoClearPasswordOrSecretAndReplayStillSignsIn() {
        members.signUp("at-rest-learner", "AtRest-Password-42");
        LiveAttempt live = attempts.open("at-rest-learner", "developers-and-testers");
        Credentials console = live.attempt().learnerCredentials();
        String first = "First-Console-Pass-7!";
        String second = "Second-Console-Pass-8!";
        live.call(console, "iam", "CreateLoginProfile", Params.of("UserName", "dana", "Password", first)).orThrow();
        live.call(console, "iam", "UpdateLoginProfile", Params.of("UserName", "dana", "Password", second)).orThrow();
        ObjectNode key = live.call(console, "iam", "CreateAccessKey", Params.of("UserName", "tom")).orThrow();
        String keyId = key.path("AccessKey").path("AccessKeyId").asText();
        String secret = key.path("AccessKey").path("SecretAccessKey").asText();
        String accountId = live.scenario().homeAccountId();

        List<String> rows = jdbc.queryForList("SELECT payload FROM attempt_event WHERE attempt_id = ?", String.class, live.id());
        assertThat(String.join("\n", rows)).contains("CreateLoginProfile", "UpdateLoginProfile", "CreateAccessKey", "enc:v1:")
                .doesNotContain(first).doesNotContain(second).doesNotContain(secret);

        attempts.forgetLiveAttempts();
        LiveAttempt rebuilt = attempts.find(live.id(), "at-rest-learner").orElseThrow();
        assertThat(ConsoleSignIn.signIn(rebuilt.attempt().sandbox(), accountId, "dana", second, null).userName())
                .isEqualTo("dana");
        assertThatThrownBy(() -> ConsoleSignIn.signIn(rebuilt.attempt().sandbox(), accountId, "dana", first, null))
                .isInstanceOf(AwsException.class);
        ObjectNode who = rebuilt.call(Credentials.AccessKeyPair.longTerm(keyId, secret), "sts", "GetCallerIdentity",
                Params.of()).orThrow();
        assertThat(who.path("Arn").asText()).isEqualTo("arn:aws:iam::" + accountId + ":user/tom");
    }
}
