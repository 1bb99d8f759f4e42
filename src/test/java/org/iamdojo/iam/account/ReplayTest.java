package org.iamdojo.iam.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.Test;

/** A sandbox rebuilt from its recorded mutations is the same sandbox: same entities, ids, keys and sessions. */
class ReplayTest {
    static final String A = "111122223333";
    static final Credentials ROOT = Credentials.ConsoleSession.root(A, false);

    static Sandbox fresh(SandboxClock clock) {
        Sandbox sb = SandboxFactory.create(clock, 99L);
        sb.createAccount(A, "root@example.com", "root-password-1");
        return sb;
    }

    @Test
    void replayingTheLogRebuildsIdsKeysAndSessionsSoOldCredentialsKeepWorking() {
        SandboxClock clock = SandboxClock.fixed(Instant.parse("2026-11-27T10:00:00Z"));
        Sandbox original = fresh(clock);
        List<JsonNode> log = new ArrayList<>();
        original.addMutationListener(r -> log.add(MutationLog.toJson(r)));

        original.call(ROOT, "iam", "CreateUser", Params.of("UserName", "alice"), null).orThrow();
        original.call(ROOT, "iam", "CreateUser", Params.of("UserName", "alice"), null); // fails: not logged
        original.call(ROOT, "iam", "AttachUserPolicy", Params.of("UserName", "alice",
                "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"), null).orThrow();
        JsonNode key = original.call(ROOT, "iam", "CreateAccessKey", Params.of("UserName", "alice"), null)
                .orThrow().get("AccessKey");
        Credentials alice = Credentials.AccessKeyPair.longTerm(key.get("AccessKeyId").asText(),
                key.get("SecretAccessKey").asText());
        original.call(alice, "iam", "CreateRole", Params.of("RoleName", "Ops", "AssumeRolePolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"sts:AssumeRole\"}}"),
                null).orThrow();
        original.call(alice, "iam", "AttachRolePolicy", Params.of("RoleName", "Ops",
                "PolicyArn", "arn:aws:iam::aws:policy/IAMFullAccess"), null).orThrow();
        original.call(alice, "iam", "ListUsers", Params.of(), null).orThrow(); // read-only: not logged
        JsonNode creds = original.call(alice, "sts", "AssumeRole", Params.of("RoleArn",
                "arn:aws:iam::111122223333:role/Ops", "RoleSessionName", "s1"), null).orThrow().get("Credentials");
        Credentials session = new Credentials.AccessKeyPair(creds.get("AccessKeyId").asText(),
                creds.get("SecretAccessKey").asText(), creds.get("SessionToken").asText());
        clock.advance(Duration.ofMinutes(5));
        original.call(session, "iam", "CreateGroup", Params.of("GroupName", "made-by-session"), null).orThrow();

        assertThat(log).hasSize(7);

        SandboxClock laterClock = SandboxClock.fixed(Instant.parse("2026-11-27T10:10:00Z"));
        Sandbox rebuilt = fresh(laterClock);
        log.forEach(j -> rebuilt.replay(MutationLog.fromJson(j)));

        assertThat(AuthorizationDetails.export(rebuilt, rebuilt.account(A)).toString())
                .isEqualTo(AuthorizationDetails.export(original, original.account(A)).toString());
        assertThat(rebuilt.account(A).user("alice").id()).isEqualTo(original.account(A).user("alice").id());
        assertThat(rebuilt.call(alice, "iam", "ListUsers", Params.of(), null).succeeded())
                .as("the learner's access key works after the rebuild").isTrue();
        assertThat(rebuilt.call(session, "sts", "GetCallerIdentity", Params.of(), null).orThrow().get("Arn").asText())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/Ops/s1");
        assertThat(rebuilt.mutations()).isEqualTo(original.mutations());
    }
}
