package org.iamdojo.iam.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.json;
import static org.iamdojo.iam.SandboxFixture.temporary;
import static org.iamdojo.iam.SandboxFixture.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.TemporarySession;
import org.iamdojo.iam.account.Totp;
import org.iamdojo.iam.audit.TrailEvent;
import org.junit.jupiter.api.Test;

/**
 * STS through the real engine. AssumeRole: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 * Role chaining: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
 */
class StsOperationsTest {
    static final String A = "111122223333";
    static final String B = "444455556666";
    final SandboxFixture f = new SandboxFixture().account(A).account(B);

    private CallResult assume(Credentials who, String roleArn, String... more) {
        ObjectNode p = Params.of("RoleArn", roleArn, "RoleSessionName", "s1").json();
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return f.call(who, "sts", "AssumeRole", new Params(p));
    }

    @Test
    void assumeRoleIssuesTemporaryCredentialsThatActAsTheRoleSession() {
        String roleArn = f.role(A, "Reader", trust(A, null), allow("s3:ListAllMyBuckets", "*"));
        Credentials alice = f.user(A, "alice", allow("sts:AssumeRole", roleArn));
        ObjectNode r = assume(alice, roleArn).orThrow();
        Credentials.AccessKeyPair session = temporary(r);
        assertThat(session.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(r.at("/AssumedRoleUser/Arn").asText()).isEqualTo("arn:aws:sts::" + A + ":assumed-role/Reader/s1");
        assertThat(r.at("/AssumedRoleUser/AssumedRoleId").asText()).startsWith("AROA").endsWith(":s1");
        assertThat(r.at("/Credentials/Expiration").asText()).isEqualTo(SandboxFixture.T0.plusSeconds(3600).toString());
        TemporarySession stored = f.sandbox.session(session.accessKeyId());
        assertThat(stored.secretHash()).isNotEqualTo(session.secretAccessKey());
        assertThat(stored.tokenHash()).isNotEqualTo(session.sessionToken());

        ObjectNode me = f.call(session, "sts", "GetCallerIdentity", Params.of()).orThrow();
        assertThat(me.get("Arn").asText()).isEqualTo("arn:aws:sts::" + A + ":assumed-role/Reader/s1");
        assertThat(f.call(session, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        assertThat(f.call(session, "iam", "ListUsers", Params.of()).error().code()).isEqualTo("AccessDenied");
        // CloudTrail never shows the secret or the token.
        TrailEvent event = f.sandbox.trail().find(e -> e.eventName().equals("AssumeRole")).get(0);
        assertThat(event.responseElements().toString()).doesNotContain(session.secretAccessKey())
                .doesNotContain(session.sessionToken());
        assertThat(event.readOnly()).isFalse();
    }

    @Test
    void sameAccountTrustNamingTheAccountNeedsAnIdentityPolicyToo() {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
        String roleArn = f.role(A, "Reader", trust(A, null));
        Credentials bob = f.user(A, "bob");
        CallResult denied = assume(bob, roleArn);
        assertThat(denied.error().code()).isEqualTo("AccessDenied");
        assertThat(denied.error().getMessage()).startsWith("User: arn:aws:iam::" + A + ":user/bob is not authorized "
                + "to perform: sts:AssumeRole on resource: " + roleArn);
    }

    @Test
    void sameAccountTrustNamingTheUserGrantsWithoutIdentityPolicy() {
        String roleArn = f.role(A, "Direct", trust("arn:aws:iam::" + A + ":user/carol", null));
        f.user(A, "carol");
        Credentials carol = f.user(A, "carol2");
        assertThat(assume(carol, roleArn).succeeded()).isFalse();
        String roleArn2 = f.role(A, "Direct2", trust("arn:aws:iam::" + A + ":user/carol2", null));
        assertThat(assume(carol, roleArn2).succeeded()).isTrue();
    }

    @Test
    void unknownRoleIsAccessDeniedNotNoSuchEntity() {
        Credentials alice = f.user(A, "alice", allow("sts:AssumeRole", "*"));
        CallResult r = assume(alice, "arn:aws:iam::" + A + ":role/Nope");
        assertThat(r.error().code()).isEqualTo("AccessDenied");
    }

    @Test
    void durationIsLimitedByTheRoleAndBy900Seconds() {
        String roleArn = f.role(A, "Reader", trust(A, null));
        Credentials alice = f.user(A, "alice", allow("sts:AssumeRole", roleArn));
        assertThat(assume(alice, roleArn, "DurationSeconds", "7200").error().getMessage())
                .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        assertThat(assume(alice, roleArn, "DurationSeconds", "600").error().code()).isEqualTo("ValidationError");
        f.setup(A, "iam", "UpdateRole", Params.of("RoleName", "Reader", "MaxSessionDuration", "7200"));
        ObjectNode r = assume(alice, roleArn, "DurationSeconds", "7200").orThrow();
        assertThat(r.at("/Credentials/Expiration").asText()).isEqualTo(SandboxFixture.T0.plusSeconds(7200).toString());
    }

    @Test
    void roleChainingIsCappedAtOneHour() {
        String second = f.role(A, "Second", trust(A, null));
        f.setup(A, "iam", "UpdateRole", Params.of("RoleName", "Second", "MaxSessionDuration", "43200"));
        String first = f.role(A, "First", trust(A, null), allow("sts:AssumeRole", second));
        Credentials alice = f.user(A, "alice", allow("sts:AssumeRole", first));
        Credentials firstSession = temporary(assume(alice, first).orThrow());
        CallResult tooLong = assume(firstSession, second, "DurationSeconds", "7200");
        assertThat(tooLong.error().code()).isEqualTo("ValidationError");
        assertThat(tooLong.error().getMessage()).contains("1 hour session limit for roles assumed by role chaining");
        Credentials chained = temporary(assume(firstSession, second, "DurationSeconds", "3600").orThrow());
        assertThat(f.sandbox.session(((Credentials.AccessKeyPair) chained).accessKeyId()).chained()).isTrue();
    }

    @Test
    void sessionNameMustFollowAwsRules() {
        String roleArn = f.role(A, "Reader", trust(A, null));
        Credentials alice = f.user(A, "alice", allow("sts:AssumeRole", roleArn));
        CallResult r = f.call(alice, "sts", "AssumeRole", Params.of("RoleArn", roleArn, "RoleSessionName", "a b"));
        assertThat(r.error().code()).isEqualTo("ValidationError");
        r = f.call(alice, "sts", "AssumeRole", Params.of("RoleArn", roleArn, "RoleSessionName", "x"));
        assertThat(r.error().code()).isEqualTo("ValidationError");
    }

    @Test
    void expiredSessionCredentialsStopWorking() {
        String roleArn = f.role(A, "Reader", trust(A, null), allow("s3:ListAllMyBuckets", "*"));
        Credentials alice = f.user(A, "alice", allow("sts:AssumeRole", roleArn));
        Credentials session = temporary(assume(alice, roleArn, "DurationSeconds", "900").orThrow());
        f.clock.advance(Duration.ofSeconds(899));
        assertThat(f.call(session, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        f.clock.advance(Duration.ofSeconds(1));
        CallResult expired = f.call(session, "s3", "ListBuckets", Params.of());
        assertThat(expired.error().code()).isEqualTo("ExpiredToken");
        assertThat(expired.error().getMessage()).isEqualTo("The security token included in the request is expired");
    }

    @Test
    void sessionPolicyLimitsTheSession() {
        String roleArn = f.role(A, "Wide", trust(A, null), allow("s3:*", "*"));
        Credentials alice = f.user(A, "alice", allow("sts:AssumeRole", roleArn));
        Credentials narrow = temporary(assume(alice, roleArn, "Policy", allow("s3:ListAllMyBuckets", "*")).orThrow());
        assertThat(f.call(narrow, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        CallResult create = f.call(narrow, "s3", "CreateBucket", Params.of("Bucket", "narrow-bucket-1"));
        assertThat(create.error().code()).isEqualTo("AccessDenied");
        assertThat(create.error().getMessage()).contains("session policy");
        assertThat(assume(alice, roleArn, "Policy", "{not json").error().code()).isEqualTo("MalformedPolicyDocument");
    }

    @Test
    void sessionTagsNeedTagSessionInTheTrustPolicyAndBecomeRequestTags() {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
        String onlyAssume = f.role(A, "NoTags", trust(A, null));
        String withTags = f.role(A, "Tags", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + A + "\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"],"
                + "\"Condition\":{\"StringEquals\":{\"aws:RequestTag/team\":\"blue\"}}}]}");
        Credentials alice = f.user(A, "alice", allow("sts:*", "*"));
        ObjectNode p = Params.of("RoleArn", onlyAssume, "RoleSessionName", "tagged").json();
        p.set("Tags", json("{\"t\":[{\"Key\":\"team\",\"Value\":\"blue\"}]}").json().get("t"));
        assertThat(f.call(alice, "sts", "AssumeRole", new Params(p)).error().getMessage())
                .contains("sts:TagSession");
        p.put("RoleArn", withTags);
        ObjectNode r = f.call(alice, "sts", "AssumeRole", new Params(p)).orThrow();
        assertThat(f.sandbox.session(temporary(r).accessKeyId()).sessionTags()).containsEntry("team", "blue");
        p.set("Tags", json("{\"t\":[{\"Key\":\"team\",\"Value\":\"red\"}]}").json().get("t"));
        assertThat(f.call(alice, "sts", "AssumeRole", new Params(p)).error().code()).isEqualTo("AccessDenied");
    }

    @Test
    void mfaInAssumeRoleSatisfiesTheTrustPolicyCondition() {
        String roleArn = f.role(A, "Admin", trust(A, "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"));
        Credentials alice = f.user(A, "alice", allow("sts:AssumeRole", roleArn));
        String serial = enableMfa("alice");
        String seed = f.sandbox.account(A).user("alice").mfaDevice().base32Secret();
        assertThat(assume(alice, roleArn).error().code()).isEqualTo("AccessDenied");
        CallResult wrong = assume(alice, roleArn, "SerialNumber", serial, "TokenCode", "000000".equals(
                Totp.code(seed, f.sandbox.now())) ? "111111" : "000000");
        assertThat(wrong.error().getMessage()).startsWith("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        ObjectNode ok = assume(alice, roleArn, "SerialNumber", serial, "TokenCode", Totp.code(seed, f.sandbox.now()))
                .orThrow();
        assertThat(f.sandbox.session(temporary(ok).accessKeyId()).mfaAuthenticated()).isTrue();
    }

    @Test
    void getCallerIdentityNeedsNoPermission() {
        Credentials nobody = f.user(A, "nobody", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}");
        ObjectNode me = f.call(nobody, "sts", "GetCallerIdentity", Params.of()).orThrow();
        assertThat(me.get("Account").asText()).isEqualTo(A);
        assertThat(me.get("Arn").asText()).isEqualTo("arn:aws:iam::" + A + ":user/nobody");
        assertThat(me.get("UserId").asText()).startsWith("AIDA");
        ObjectNode root = f.call(SandboxFixture.root(A), "sts", "GetCallerIdentity", Params.of()).orThrow();
        assertThat(root.get("Arn").asText()).isEqualTo("arn:aws:iam::" + A + ":root");
    }

    @Test
    void getSessionTokenActsAsTheUserWithMfaPresent() {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
        String mfaOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\","
                + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
        Credentials alice = f.user(A, "alice", mfaOnly);
        String serial = enableMfa("alice");
        String seed = f.sandbox.account(A).user("alice").mfaDevice().base32Secret();
        assertThat(f.call(alice, "s3", "ListBuckets", Params.of()).succeeded()).isFalse();
        Credentials plain = temporary(f.call(alice, "sts", "GetSessionToken", Params.of()).orThrow());
        assertThat(f.call(plain, "s3", "ListBuckets", Params.of()).succeeded()).isFalse();
        ObjectNode r = f.call(alice, "sts", "GetSessionToken", Params.of("SerialNumber", serial,
                "TokenCode", Totp.code(seed, f.sandbox.now()), "DurationSeconds", "3600")).orThrow();
        Credentials mfa = temporary(r);
        assertThat(f.call(mfa, "sts", "GetCallerIdentity", Params.of()).orThrow().get("Arn").asText())
                .isEqualTo("arn:aws:iam::" + A + ":user/alice");
        assertThat(f.call(mfa, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        assertThat(f.call(mfa, "sts", "GetSessionToken", Params.of()).error().code()).isEqualTo("AccessDenied");
        f.clock.advance(Duration.ofHours(1));
        assertThat(f.call(mfa, "s3", "ListBuckets", Params.of()).error().code()).isEqualTo("ExpiredToken");
    }

    @Test
    void getSessionTokenCredentialsCallIamOnlyWithMfa() {
        // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html: "You cannot call any IAM API
        // operations unless MFA authentication information is included in the request. You cannot call any STS API
        // except AssumeRole or GetCallerIdentity." IAM answers InvalidClientTokenId:
        // https://dev.classmethod.jp/articles/tsnote-iam-invalidclienttokenid-error-solution/
        String roleArn = f.role(A, "Reader", trust(A, null), allow("s3:ListAllMyBuckets", "*"));
        Credentials alice = f.user(A, "alice", SandboxFixture.ADMIN);
        String serial = enableMfa("alice");
        String seed = f.sandbox.account(A).user("alice").mfaDevice().base32Secret();
        Credentials plain = temporary(f.call(alice, "sts", "GetSessionToken", Params.of()).orThrow());
        CallResult refused = f.call(plain, "iam", "ListUsers", Params.of());
        assertThat(refused.error().code()).isEqualTo("InvalidClientTokenId");
        assertThat(refused.error().getMessage()).isEqualTo("The security token included in the request is invalid.");
        assertThat(f.call(plain, "iam", "CreateUser", Params.of("UserName", "mallory")).error().code())
                .isEqualTo("InvalidClientTokenId");
        assertThat(f.sandbox.account(A).user("mallory")).isNull();
        // Other services, AssumeRole and GetCallerIdentity work; GetSessionToken does not.
        assertThat(f.call(plain, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        assertThat(f.call(plain, "sts", "GetCallerIdentity", Params.of()).succeeded()).isTrue();
        assertThat(assume(plain, roleArn).succeeded()).isTrue();
        assertThat(f.call(plain, "sts", "GetSessionToken", Params.of()).error().code()).isEqualTo("AccessDenied");
        // With MFA the same user's session token may call IAM, under the user's policies.
        Credentials mfa = temporary(f.call(alice, "sts", "GetSessionToken", Params.of("SerialNumber", serial,
                "TokenCode", Totp.code(seed, f.sandbox.now()))).orThrow());
        assertThat(f.call(mfa, "iam", "ListUsers", Params.of()).succeeded()).isTrue();
        assertThat(f.call(mfa, "iam", "CreateUser", Params.of("UserName", "bob")).succeeded()).isTrue();
        // Long-term keys were never limited.
        assertThat(f.call(alice, "iam", "ListUsers", Params.of()).succeeded()).isTrue();
    }

    @Test
    void crossAccountAssumeRoleIsLoggedInBothAccounts() {
        String roleArn = f.role(A, "Auditor", trust(B, null));
        Credentials dave = f.user(B, "dave", allow("sts:AssumeRole", roleArn));
        assume(dave, roleArn).orThrow();
        assertThat(f.sandbox.trail().events(A)).anyMatch(e -> e.eventName().equals("AssumeRole")
                && e.accountId().equals(B) && e.recipientAccountId().equals(A));
        assertThat(f.sandbox.trail().events(B)).anyMatch(e -> e.eventName().equals("AssumeRole")
                && e.recipientAccountId().equals(B));
    }

    private String enableMfa(String user) {
        ObjectNode d = (ObjectNode) f.setup(A, "iam", "CreateVirtualMFADevice",
                Params.of("VirtualMFADeviceName", user)).get("VirtualMFADevice");
        String serial = d.get("SerialNumber").asText();
        String seed = d.get("Base32StringSeed").asText();
        f.setup(A, "iam", "EnableMFADevice", Params.of("UserName", user, "SerialNumber", serial,
                "AuthenticationCode1", Totp.code(seed, f.sandbox.now().minusSeconds(30)),
                "AuthenticationCode2", Totp.code(seed, f.sandbox.now())));
        return serial;
    }
}
