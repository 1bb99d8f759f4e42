package org.iamdojo.iam.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Sandbox#callReadOnly}: an instructor's look at a learner's sandbox reads as the learner, is authorized
 * like any call, refuses every change with the given refusal, and leaves nothing behind (no CloudTrail record,
 * no mutation, no access key marked as used).
 */
class ReadOnlyCallTest {
    static final String ACCOUNT = "111122223333";
    static final Credentials ROOT = Credentials.ConsoleSession.root(ACCOUNT, false);
    static final AwsException REFUSAL = new AwsException("ReadOnlySandbox", 403, "This sandbox is read-only.");

    Sandbox sandbox;
    final List<Sandbox.MutationRecord> mutations = new ArrayList<>();

    @BeforeEach
    void setUp() {
        sandbox = SandboxFactory.create(SandboxClock.fixed(Instant.parse("2026-11-27T10:00:00Z")), 7L);
        sandbox.createAccount(ACCOUNT, "root@example.com", "root-password-1");
        root("CreateUser", "UserName", "alice");
        root("CreateGroup", "GroupName", "developers");
        root("CreateRole", "RoleName", "Auditor", "AssumeRolePolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                        + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}");
        root("PutUserPolicy", "UserName", "alice", "PolicyName", "assume", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Resource\":\"*\"}]}");
        sandbox.addMutationListener(mutations::add);
    }

    private void root(String operation, String... params) {
        sandbox.call(ROOT, "iam", operation, Params.of(params), "203.0.113.10").orThrow();
    }

    private CallResult look(Credentials as, String service, String operation, String... params) {
        return sandbox.callReadOnly(as, service, operation, Params.of(params), REFUSAL);
    }

    @Test
    void readsAnswerAsTheCallerWithoutACloudTrailRecord() {
        long trailBefore = sandbox.trail().total();
        long mutationsBefore = sandbox.mutations();

        CallResult users = look(ROOT, "iam", "ListUsers");
        CallResult groups = look(ROOT, "iam", "ListGroups");
        CallResult role = look(ROOT, "iam", "GetRole", "RoleName", "Auditor");
        CallResult who = look(ROOT, "sts", "GetCallerIdentity");

        assertThat(users.succeeded()).isTrue();
        assertThat(users.response().path("Users").findValuesAsText("UserName")).containsExactly("alice");
        assertThat(groups.response().path("Groups").findValuesAsText("GroupName")).containsExactly("developers");
        assertThat(role.response().path("Role").path("RoleName").asText()).isEqualTo("Auditor");
        assertThat(who.response().path("Arn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(users.event()).isNull();
        assertThat(sandbox.trail().total()).isEqualTo(trailBefore);
        assertThat(sandbox.mutations()).isEqualTo(mutationsBefore);
        assertThat(mutations).isEmpty();
    }

    @Test
    void writesAndUnknownOperationsAreRefusedAndChangeNothing() {
        long trailBefore = sandbox.trail().total();

        CallResult create = look(ROOT, "iam", "CreateUser", "UserName", "mallory");
        CallResult delete = look(ROOT, "iam", "DeleteGroup", "GroupName", "developers");
        Credentials alice = new Credentials.ConsoleSession(ACCOUNT, "alice", false);
        CallResult assume = look(alice, "sts", "AssumeRole", "RoleArn", "arn:aws:iam::" + ACCOUNT + ":role/Auditor",
                "RoleSessionName", "peek");
        CallResult unknown = look(ROOT, "iam", "MakeEverythingPublic");

        for (CallResult r : List.of(create, delete, assume, unknown)) {
            assertThat(r.succeeded()).isFalse();
            assertThat(r.error()).isSameAs(REFUSAL);
            assertThat(r.event()).isNull();
        }
        assertThat(sandbox.account(ACCOUNT).user("mallory")).isNull();
        assertThat(sandbox.account(ACCOUNT).groups()).hasSize(1);
        assertThat(sandbox.trail().total()).isEqualTo(trailBefore);
        assertThat(mutations).isEmpty();
        // The same AssumeRole through call() works (it makes a session): only the look refuses it.
        assertThat(sandbox.call(alice, "sts", "AssumeRole", Params.of("RoleArn",
                "arn:aws:iam::" + ACCOUNT + ":role/Auditor", "RoleSessionName", "real"), null).succeeded()).isTrue();
    }

    @Test
    void readsAreAuthorizedLikeAnyCallAndADenialIsNotRecordedEither() {
        Credentials alice = new Credentials.ConsoleSession(ACCOUNT, "alice", false);
        long trailBefore = sandbox.trail().total();

        CallResult denied = look(alice, "iam", "ListUsers");
        CallResult deniedForReal = sandbox.call(alice, "iam", "ListUsers", Params.of(), null);

        assertThat(denied.error().code()).isEqualTo("AccessDenied").isEqualTo(deniedForReal.error().code());
        assertThat(denied.error().getMessage()).isEqualTo(deniedForReal.error().getMessage());
        assertThat(denied.decision()).isNotNull();
        // Only the real call left a record.
        assertThat(sandbox.trail().total()).isEqualTo(trailBefore + 1);
    }

    @Test
    void aLookWithAccessKeysDoesNotMarkTheKeyAsUsed() {
        JsonNode key = sandbox.call(ROOT, "iam", "CreateAccessKey", Params.of("UserName", "alice"), null).orThrow()
                .get("AccessKey");
        root("AttachUserPolicy", "UserName", "alice", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess");
        Credentials keys = Credentials.AccessKeyPair.longTerm(key.get("AccessKeyId").asText(),
                key.get("SecretAccessKey").asText());

        assertThat(look(keys, "iam", "ListGroups").succeeded()).isTrue();
        AccessKey stored = sandbox.account(ACCOUNT).user("alice").accessKeys().get(0);
        assertThat(stored.lastUsedDate()).isNull();

        assertThat(sandbox.call(keys, "iam", "ListGroups", Params.of(), null).succeeded()).isTrue();
        assertThat(stored.lastUsedDate()).isNotNull();
    }
}
