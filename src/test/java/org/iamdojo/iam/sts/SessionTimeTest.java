package org.iamdojo.iam.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.temporary;
import static org.iamdojo.iam.SandboxFixture.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Totp;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.Test;

/**
 * The time keys of sessions, and CloudTrail's event history. aws:MultiFactorAuthAge "is the number of seconds since
 * MFA authentication", aws:TokenIssueTime "the date and time that temporary security credentials were issued"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html); revoking sessions is a
 * Deny on aws:TokenIssueTime (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html);
 * LookupEvents (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html).
 */
class SessionTimeTest {
    static final String A = "111122223333";
    final SandboxFixture f = new SandboxFixture().account(A);

    @Test
    void mfaAgeCountsFromWhenTheSessionWasIssued() {
        String mfaFresh = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\","
                + "\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}}]}";
        Credentials ravi = f.user(A, "ravi", mfaFresh);
        ObjectNode device = (ObjectNode) f.setup(A, "iam", "CreateVirtualMFADevice", Params.of("VirtualMFADeviceName", "ravi"))
                .get("VirtualMFADevice");
        String seed = device.get("Base32StringSeed").asText();
        String serial = device.get("SerialNumber").asText();
        f.setup(A, "iam", "EnableMFADevice", Params.of("UserName", "ravi", "SerialNumber", serial,
                "AuthenticationCode1", Totp.code(seed, SandboxFixture.T0.minusSeconds(30)),
                "AuthenticationCode2", Totp.code(seed, SandboxFixture.T0)));
        Credentials session = temporary(f.call(ravi, "sts", "GetSessionToken", Params.of("SerialNumber", serial,
                "TokenCode", Totp.code(seed, SandboxFixture.T0))).orThrow());
        assertThat(f.call(session, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        f.clock.advance(Duration.ofMinutes(59));
        assertThat(f.call(session, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
        f.clock.advance(Duration.ofMinutes(2));
        CallResult aged = f.call(session, "s3", "ListBuckets", Params.of());
        assertThat(aged.error().code()).isEqualTo("AccessDenied");
        // Long-term keys carry no MFA at all, so the key is absent and NumericLessThan does not match.
        assertThat(f.call(ravi, "s3", "ListBuckets", Params.of()).succeeded()).isFalse();
    }

    @Test
    void aDenyOnTokenIssueTimeRevokesOlderSessionsOnly() {
        String roleArn = f.role(A, "Deploy", trust(A, null), allow("s3:ListAllMyBuckets", "*"));
        Credentials pipeline = f.user(A, "pipeline", allow("sts:AssumeRole", roleArn));
        Credentials old = temporary(f.call(pipeline, "sts", "AssumeRole", Params.of("RoleArn", roleArn,
                "RoleSessionName", "old")).orThrow());
        f.clock.advance(Duration.ofMinutes(30));
        Instant revokeAt = f.sandbox.now();
        f.setup(A, "iam", "PutRolePolicy", Params.of("RoleName", "Deploy", "PolicyName", "AWSRevokeOlderSessions",
                "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\"" + revokeAt + "\"}}}]}"));
        assertThat(f.call(old, "s3", "ListBuckets", Params.of()).error().getMessage()).contains("explicit deny");
        f.clock.advance(Duration.ofSeconds(1));
        Credentials fresh = temporary(f.call(pipeline, "sts", "AssumeRole", Params.of("RoleArn", roleArn,
                "RoleSessionName", "fresh")).orThrow());
        assertThat(f.call(fresh, "s3", "ListBuckets", Params.of()).succeeded()).isTrue();
    }

    @Test
    void lookupEventsListsTheAccountsEventsNewestFirst() {
        Credentials alice = f.user(A, "alice", allow("s3:ListAllMyBuckets", "*"), allow("cloudtrail:LookupEvents", "*"));
        f.call(alice, "s3", "ListBuckets", Params.of());
        f.clock.advance(Duration.ofMinutes(5));
        f.call(alice, "iam", "ListUsers", Params.of());
        ObjectNode byName = Params.of().json();
        byName.putArray("LookupAttributes").addObject().put("AttributeKey", "EventName").put("AttributeValue", "ListBuckets");
        JsonNode events = f.call(alice, "cloudtrail", "LookupEvents", new Params(byName)).orThrow().path("Events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("Username").asText()).isEqualTo("alice");
        assertThat(events.get(0).path("EventTime").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(events.get(0).path("CloudTrailEvent").asText()).contains("\"eventName\":\"ListBuckets\"");
        JsonNode all = f.call(alice, "cloudtrail", "LookupEvents", Params.of()).orThrow().path("Events");
        assertThat(all.get(0).path("EventName").asText()).isEqualTo("LookupEvents");
        assertThat(all.get(1).path("EventName").asText()).isEqualTo("ListUsers");
        assertThat(all.get(1).path("EventTime").asText()).isEqualTo("2026-03-02T09:05:00Z");
        byName.withArray("LookupAttributes").addObject().put("AttributeKey", "Username").put("AttributeValue", "alice");
        assertThat(f.call(alice, "cloudtrail", "LookupEvents", new Params(byName)).error().code())
                .isEqualTo("InvalidLookupAttributesException");
        Credentials bob = f.user(A, "bob");
        assertThat(f.call(bob, "cloudtrail", "LookupEvents", Params.of()).error().code()).isEqualTo("AccessDeniedException");
    }

    @Test
    void advancingAPinnedClockMovesThePinnedInstant() {
        SandboxClock clock = SandboxClock.fixed(SandboxFixture.T0);
        clock.pin(SandboxFixture.T0);
        clock.advance(Duration.ofDays(200));
        assertThat(clock.instant()).isEqualTo(SandboxFixture.T0.plus(Duration.ofDays(200)));
        clock.unpin();
        assertThat(clock.instant()).isEqualTo(SandboxFixture.T0.plus(Duration.ofDays(200)));
    }
}
