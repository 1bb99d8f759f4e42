package org.iamdojo.iam.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.iamdojo.iam.policy.catalog.AwsManagedPolicyCatalog;
import org.iamdojo.iam.policy.validation.Finding;
import org.iamdojo.iam.policy.validation.PolicyQuota;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IAM API of the sandbox: happy paths, authorization as the caller, and AWS's errors and quotas
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html).
 */
class IamOperationsTest {
    static final String ACCOUNT = "111122223333";
    static final Credentials ROOT = Credentials.ConsoleSession.root(ACCOUNT, false);
    static final String ADMIN_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    Sandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = newSandbox();
        sandbox.createAccount(ACCOUNT, "root@example.com", "root-password-1");
    }

    static Sandbox newSandbox() {
        Sandbox sb = new Sandbox(SandboxClock.fixed(Instant.parse("2026-11-27T10:00:00Z")), 42L, new EngineAccessEvaluator());
        IamOperations.registerAll(sb);
        PolicyValidator validator = PolicyValidator.standard();
        sb.setPolicyChecker((doc, use) -> {
            PolicyType type = use == PolicyUse.TRUST ? PolicyType.TRUST_POLICY
                    : use == PolicyUse.RESOURCE ? PolicyType.RESOURCE_POLICY : PolicyType.IDENTITY_POLICY;
            PolicyQuota quota = switch (use) {
                case USER_INLINE -> PolicyQuota.USER_INLINE;
                case GROUP_INLINE -> PolicyQuota.GROUP_INLINE;
                case ROLE_INLINE -> PolicyQuota.ROLE_INLINE;
                case MANAGED -> PolicyQuota.MANAGED;
                default -> null;
            };
            return validator.validate(doc, type, quota).stream()
                    .filter(f -> f.severity() == org.iamdojo.iam.policy.validation.Severity.ERROR)
                    .map(Finding::format).toList();
        });
        AwsManagedPolicyCatalog.load().all().forEach(p ->
                sb.addAwsManagedPolicy(p.policyName(), p.path(), p.arn(), p.defaultVersionId(), p.document()));
        return sb;
    }

    ObjectNode root(String operation, String... params) {
        return sandbox.call(ROOT, "iam", operation, Params.of(params), "203.0.113.10").orThrow();
    }

    Credentials keysFor(String user) {
        JsonNode key = root("CreateAccessKey", "UserName", user).get("AccessKey");
        return Credentials.AccessKeyPair.longTerm(key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText());
    }

    @Test
    void rootCreatesAUserWithAwsShapedIdsAndArn() {
        JsonNode user = root("CreateUser", "UserName", "alice", "Path", "/dev/").get("User");
        assertThat(user.get("Arn").asText()).isEqualTo("arn:aws:iam::111122223333:user/dev/alice");
        assertThat(user.get("UserId").asText()).startsWith("AIDA").hasSize(21);
        assertThat(sandbox.account(ACCOUNT).user("ALICE")).as("IAM names are case-insensitive").isNotNull();
    }

    @Test
    void duplicateNameIsEntityAlreadyExistsAndChangesNothing() {
        root("CreateUser", "UserName", "alice");
        CallResult again = sandbox.call(ROOT, "iam", "CreateUser", Params.of("UserName", "Alice"), "ip");
        assertThat(again.error().code()).isEqualTo("EntityAlreadyExists");
        assertThat(sandbox.account(ACCOUNT).users()).hasSize(1);
    }

    @Test
    void invalidNameIsAValidationError() {
        CallResult r = sandbox.call(ROOT, "iam", "CreateUser", Params.of("UserName", "bad name!"), "ip");
        assertThat(r.error().code()).isEqualTo("ValidationError");
        assertThat(r.error().getMessage()).contains("userName");
    }

    @Test
    void userWithoutPermissionGetsAccessDeniedInAwsWordsAndATrace() {
        root("CreateUser", "UserName", "alice");
        Credentials alice = keysFor("alice");
        CallResult r = sandbox.call(alice, "iam", "CreateUser", Params.of("UserName", "mallory"), "ip");
        assertThat(r.error().code()).isEqualTo("AccessDenied");
        assertThat(r.error().getMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: "
                + "iam:CreateUser on resource: arn:aws:iam::111122223333:user/mallory because no identity-based policy "
                + "allows the iam:CreateUser action");
        assertThat(r.decision()).isNotNull();
        assertThat(r.event().errorCode()).isEqualTo("AccessDenied");
        assertThat(sandbox.account(ACCOUNT).user("mallory")).isNull();
    }

    @Test
    void groupPolicyGrantsMembers() {
        root("CreateUser", "UserName", "alice");
        root("CreateGroup", "GroupName", "admins");
        root("AttachGroupPolicy", "GroupName", "admins", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess");
        Credentials alice = keysFor("alice");
        assertThat(sandbox.call(alice, "iam", "CreateUser", Params.of("UserName", "bob"), "ip").succeeded()).isFalse();
        root("AddUserToGroup", "GroupName", "admins", "UserName", "alice");
        assertThat(sandbox.call(alice, "iam", "CreateUser", Params.of("UserName", "bob"), "ip").succeeded()).isTrue();
    }

    @Test
    void explicitDenyInAnInlinePolicyBeatsAdministratorAccess() {
        root("CreateUser", "UserName", "alice");
        root("AttachUserPolicy", "UserName", "alice", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess");
        root("PutUserPolicy", "UserName", "alice", "PolicyName", "NoUserCreation", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}}");
        CallResult r = sandbox.call(keysFor("alice"), "iam", "CreateUser", Params.of("UserName", "bob"), "ip");
        assertThat(r.error().getMessage()).endsWith("with an explicit deny in an identity-based policy");
    }

    @Test
    void deleteUserWithKeysIsADeleteConflict() {
        root("CreateUser", "UserName", "alice");
        keysFor("alice");
        CallResult r = sandbox.call(ROOT, "iam", "DeleteUser", Params.of("UserName", "alice"), "ip");
        assertThat(r.error().code()).isEqualTo("DeleteConflict");
        assertThat(sandbox.account(ACCOUNT).user("alice")).isNotNull();
    }

    @Test
    void thirdAccessKeyExceedsTheQuotaOfTwo() {
        root("CreateUser", "UserName", "alice");
        keysFor("alice");
        keysFor("alice");
        CallResult r = sandbox.call(ROOT, "iam", "CreateAccessKey", Params.of("UserName", "alice"), "ip");
        assertThat(r.error().code()).isEqualTo("LimitExceeded");
    }

    @Test
    void secretIsShownOnceAndNeverLogged() {
        root("CreateUser", "UserName", "alice");
        CallResult r = sandbox.call(ROOT, "iam", "CreateAccessKey", Params.of("UserName", "alice"), "ip");
        String secret = r.response().get("AccessKey").get("SecretAccessKey").asText();
        assertThat(secret).hasSize(40);
        assertThat(r.event().responseElements().toString()).doesNotContain(secret);
        JsonNode listed = root("ListAccessKeys", "UserName", "alice");
        assertThat(listed.toString()).doesNotContain(secret);
    }

    @Test
    void inactiveOrWrongKeysAreRefusedWithAwsErrors() {
        root("CreateUser", "UserName", "alice");
        root("AttachUserPolicy", "UserName", "alice", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess");
        Credentials.AccessKeyPair keys = (Credentials.AccessKeyPair) keysFor("alice");
        assertThat(sandbox.call(keys, "iam", "ListUsers", Params.of(), "ip").succeeded()).isTrue();
        Credentials wrong = Credentials.AccessKeyPair.longTerm(keys.accessKeyId(), "x".repeat(40));
        assertThat(sandbox.call(wrong, "iam", "ListUsers", Params.of(), "ip").error().code()).isEqualTo("SignatureDoesNotMatch");
        root("UpdateAccessKey", "UserName", "alice", "AccessKeyId", keys.accessKeyId(), "Status", "Inactive");
        assertThat(sandbox.call(keys, "iam", "ListUsers", Params.of(), "ip").error().code()).isEqualTo("InvalidClientTokenId");
    }

    @Test
    void malformedPolicyIsRejectedWithALocatedFindingAndNothingChanges() {
        root("CreateUser", "UserName", "alice");
        CallResult r = sandbox.call(ROOT, "iam", "PutUserPolicy", Params.of("UserName", "alice", "PolicyName", "p",
                "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\n\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Principal\":\"*\"}]}"),
                "ip");
        assertThat(r.error().code()).isEqualTo("MalformedPolicyDocument");
        assertThat(r.error().getMessage()).matches("\\d+:\\d+ ERROR .*");
        assertThat(sandbox.account(ACCOUNT).user("alice").inlinePolicies()).isEmpty();
    }

    @Test
    void aManagedPolicyKeepsAtMostFiveVersionsAndOneDefault() {
        String arn = root("CreatePolicy", "PolicyName", "Read", "PolicyDocument", ADMIN_POLICY).get("Policy").get("Arn").asText();
        for (int i = 2; i <= 5; i++) {
            root("CreatePolicyVersion", "PolicyArn", arn, "PolicyDocument", ADMIN_POLICY, "SetAsDefault", "true");
        }
        CallResult sixth = sandbox.call(ROOT, "iam", "CreatePolicyVersion",
                Params.of("PolicyArn", arn, "PolicyDocument", ADMIN_POLICY), "ip");
        assertThat(sixth.error().code()).isEqualTo("LimitExceeded");
        ManagedPolicy mp = sandbox.account(ACCOUNT).customerPolicy(arn);
        assertThat(mp.versions()).hasSize(5);
        assertThat(mp.versions().stream().filter(ManagedPolicy.PolicyVersion::isDefault)).hasSize(1);
        assertThat(mp.defaultVersion().versionId()).isEqualTo("v5");
        CallResult deleteDefault = sandbox.call(ROOT, "iam", "DeletePolicyVersion", Params.of("PolicyArn", arn, "VersionId", "v5"), "ip");
        assertThat(deleteDefault.error().code()).isEqualTo("DeleteConflict");
    }

    @Test
    void aUserIsInAtMostTenGroups() {
        root("CreateUser", "UserName", "alice");
        for (int i = 1; i <= 11; i++) {
            root("CreateGroup", "GroupName", "g" + i);
        }
        for (int i = 1; i <= 10; i++) {
            root("AddUserToGroup", "GroupName", "g" + i, "UserName", "alice");
        }
        CallResult r = sandbox.call(ROOT, "iam", "AddUserToGroup", Params.of("GroupName", "g11", "UserName", "alice"), "ip");
        assertThat(r.error().code()).isEqualTo("LimitExceeded");
    }

    @Test
    void awsManagedPoliciesCannotBeChanged() {
        CallResult r = sandbox.call(ROOT, "iam", "CreatePolicyVersion", Params.of("PolicyArn",
                "arn:aws:iam::aws:policy/ReadOnlyAccess", "PolicyDocument", ADMIN_POLICY), "ip");
        assertThat(r.succeeded()).isFalse();
    }

    @Test
    void consolePasswordFollowsThePasswordPolicy() {
        root("CreateUser", "UserName", "alice");
        root("UpdateAccountPasswordPolicy", "MinimumPasswordLength", "14", "RequireNumbers", "true");
        CallResult weak = sandbox.call(ROOT, "iam", "CreateLoginProfile", Params.of("UserName", "alice", "Password", "short1"), "ip");
        assertThat(weak.error().code()).isEqualTo("PasswordPolicyViolation");
        root("CreateLoginProfile", "UserName", "alice", "Password", "a-long-passphrase-7");
        assertThat(sandbox.account(ACCOUNT).user("alice").loginProfile()).isNotNull();
        assertThat(sandbox.trail().events().get(sandbox.trail().events().size() - 1).requestParameters().toString())
                .doesNotContain("a-long-passphrase-7");
    }

    @Test
    void virtualMfaIsEnabledWithTwoConsecutiveCodes() {
        root("CreateUser", "UserName", "alice");
        JsonNode device = root("CreateVirtualMFADevice", "VirtualMFADeviceName", "alice-phone").get("VirtualMFADevice");
        String serial = device.get("SerialNumber").asText();
        String seed = device.get("Base32StringSeed").asText();
        Instant now = sandbox.now();
        CallResult wrong = sandbox.call(ROOT, "iam", "EnableMFADevice", Params.of("UserName", "alice", "SerialNumber", serial,
                "AuthenticationCode1", "000000", "AuthenticationCode2", "111111"), "ip");
        assertThat(wrong.error().code()).isEqualTo("InvalidAuthenticationCode");
        root("EnableMFADevice", "UserName", "alice", "SerialNumber", serial,
                "AuthenticationCode1", Totp.code(seed, now.minusSeconds(30)), "AuthenticationCode2", Totp.code(seed, now));
        assertThat(sandbox.account(ACCOUNT).user("alice").mfaDevice().serialNumber()).isEqualTo(serial);
    }

    @Test
    void rootMfaAndRootKeysAreTheRootUsersOwn() {
        JsonNode device = root("CreateVirtualMFADevice", "VirtualMFADeviceName", "root-mfa").get("VirtualMFADevice");
        String seed = device.get("Base32StringSeed").asText();
        Instant now = sandbox.now();
        root("EnableMFADevice", "SerialNumber", device.get("SerialNumber").asText(),
                "AuthenticationCode1", Totp.code(seed, now.minusSeconds(30)), "AuthenticationCode2", Totp.code(seed, now));
        root("CreateAccessKey");
        assertThat(sandbox.account(ACCOUNT).root().mfaDevice()).isNotNull();
        assertThat(sandbox.account(ACCOUNT).root().accessKeys()).hasSize(1);
        JsonNode summary = root("GetAccountSummary").get("SummaryMap");
        assertThat(summary.get("AccountMFAEnabled").asInt()).isEqualTo(1);
        assertThat(summary.get("AccountAccessKeysPresent").asInt()).isEqualTo(1);
    }

    @Test
    void everyCallLeavesACloudTrailEventAndRootUseIsVisible() {
        root("CreateUser", "UserName", "alice");
        sandbox.call(keysFor("alice"), "iam", "ListUsers", Params.of(), "ip");
        List<org.iamdojo.iam.audit.TrailEvent> events = sandbox.trail().events();
        assertThat(events).extracting(org.iamdojo.iam.audit.TrailEvent::eventName)
                .containsExactly("CreateUser", "CreateAccessKey", "ListUsers");
        assertThat(events.get(0).byRoot()).isTrue();
        assertThat(events.get(2).userIdentityType()).isEqualTo("IAMUser");
        assertThat(events.get(2).errorCode()).isEqualTo("AccessDenied");
        assertThat(events.get(0).eventSource()).isEqualTo("iam.amazonaws.com");
    }

    @Test
    void exportImportedIntoAFreshSandboxGivesTheSameDecisions() {
        root("CreateUser", "UserName", "alice");
        root("CreateGroup", "GroupName", "readers");
        root("AddUserToGroup", "GroupName", "readers", "UserName", "alice");
        root("AttachGroupPolicy", "GroupName", "readers", "PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess");
        root("CreatePolicy", "PolicyName", "NoDeletes", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"iam:Delete*\",\"Resource\":\"*\"}}");
        root("AttachUserPolicy", "UserName", "alice", "PolicyArn", "arn:aws:iam::111122223333:policy/NoDeletes");
        ObjectNode export = AuthorizationDetails.export(sandbox, sandbox.account(ACCOUNT));

        Sandbox copy = newSandbox();
        SandboxAccount imported = copy.createAccount(ACCOUNT, "root@example.com", "other-password-1");
        AuthorizationDetails.importInto(copy, imported, export);
        EngineAccessEvaluator evaluator = new EngineAccessEvaluator();
        for (String action : List.of("iam:ListUsers", "iam:DeleteUser", "iam:CreateUser", "s3:GetObject")) {
            AccessRequest need = AccessRequest.of(action, "arn:aws:iam::111122223333:user/bob", ACCOUNT);
            Caller before = Sandbox.userCaller(sandbox.account(ACCOUNT), sandbox.account(ACCOUNT).user("alice"), "AKIA", false);
            Caller after = Sandbox.userCaller(imported, imported.user("alice"), "AKIA", false);
            assertThat(evaluator.evaluate(copy, after, need).allowed()).as(action)
                    .isEqualTo(evaluator.evaluate(sandbox, before, need).allowed());
        }
        assertThat(AuthorizationDetails.export(copy, imported).toString()).isEqualTo(export.toString());
    }
}
