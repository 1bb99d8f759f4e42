package org.iamdojo.iam.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.iamdojo.iam.eval.PolicyLayer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service-linked roles in the sandbox: only their service changes or deletes them. A change the caller's policies
 * allow (or the root user's) is answered with IAM's UnmodifiableEntity (400), "Cannot perform the operation on the
 * protected role 'NAME' - this role is only modifiable by AWS", and nothing changes
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html#API_DeleteRole_Errors and the Errors
 * section of each role operation; https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html);
 * its description stays editable
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-service-linked-role.html); a caller without the
 * permission gets AccessDenied as for any role.
 */
class ServiceLinkedRoleTest {
    static final String ACCOUNT = IamOperationsTest.ACCOUNT;
    static final String SLR = "AWSServiceRoleForElasticBeanstalk";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"elasticbeanstalk.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String INLINE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
    static final String MESSAGE = "Cannot perform the operation on the protected role '" + SLR
            + "' - this role is only modifiable by AWS";

    Sandbox sandbox;
    Credentials admin;
    Credentials nobody;

    @BeforeEach
    void setUp() {
        sandbox = IamOperationsTest.newSandbox();
        sandbox.createAccount(ACCOUNT, "root@example.com", "root-password-1");
        sandbox.setup(ACCOUNT, "iam", "CreateRole", Params.of("RoleName", SLR, "Path",
                "/aws-service-role/elasticbeanstalk.amazonaws.com/", "AssumeRolePolicyDocument", TRUST));
        sandbox.setup(ACCOUNT, "iam", "PutRolePolicy", Params.of("RoleName", SLR, "PolicyName", "Service",
                "PolicyDocument", INLINE));
        sandbox.setup(ACCOUNT, "iam", "CreateRole", Params.of("RoleName", "app", "AssumeRolePolicyDocument", TRUST));
        admin = userWith("admin", IamOperationsTest.ADMIN_POLICY);
        nobody = userWith("nobody", INLINE);
    }

    private Credentials userWith(String name, String policy) {
        root("CreateUser", "UserName", name);
        root("PutUserPolicy", "UserName", name, "PolicyName", "p", "PolicyDocument", policy);
        var key = rootCall("CreateAccessKey", "UserName", name).orThrow().get("AccessKey");
        return Credentials.AccessKeyPair.longTerm(key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText());
    }

    private void root(String op, String... params) {
        rootCall(op, params).orThrow();
    }

    private CallResult rootCall(String op, String... params) {
        return sandbox.call(IamOperationsTest.ROOT, "iam", op, Params.of(params), "203.0.113.10");
    }

    private CallResult call(Credentials who, String op, String... params) {
        return sandbox.call(who, "iam", op, Params.of(params), "203.0.113.10");
    }

    private static void assertUnmodifiable(CallResult r) {
        assertThat(r.error()).as("error").isNotNull();
        assertThat(r.error().code()).isEqualTo("UnmodifiableEntity");
        assertThat(r.error().httpStatus()).isEqualTo(400);
        assertThat(r.error().getMessage()).isEqualTo(MESSAGE);
    }

    @Test
    void rootCannotDeleteOrChangeAServiceLinkedRole() {
        assertUnmodifiable(rootCall("DeleteRole", "RoleName", SLR));
        assertUnmodifiable(rootCall("DeleteRolePolicy", "RoleName", SLR, "PolicyName", "Service"));
        assertUnmodifiable(rootCall("UpdateAssumeRolePolicy", "RoleName", SLR, "PolicyDocument", TRUST));
        assertThat(sandbox.account(ACCOUNT).role(SLR)).as("the role is still there").isNotNull();
        assertThat(sandbox.account(ACCOUNT).role(SLR).inlinePolicies).containsKey("Service");
    }

    @Test
    void anAdministratorGetsUnmodifiableEntityForEveryChangeWithTheEnginesReason() {
        String[][] changes = {
                {"DeleteRole", "RoleName", SLR},
                {"PutRolePolicy", "RoleName", SLR, "PolicyName", "extra", "PolicyDocument", INLINE},
                {"DeleteRolePolicy", "RoleName", SLR, "PolicyName", "Service"},
                {"AttachRolePolicy", "RoleName", SLR, "PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"},
                {"DetachRolePolicy", "RoleName", SLR, "PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"},
                {"UpdateAssumeRolePolicy", "RoleName", SLR, "PolicyDocument", TRUST},
                {"PutRolePermissionsBoundary", "RoleName", SLR, "PermissionsBoundary",
                        "arn:aws:iam::aws:policy/ReadOnlyAccess"},
                {"DeleteRolePermissionsBoundary", "RoleName", SLR},
                {"UpdateRole", "RoleName", SLR, "MaxSessionDuration", "7200"}};
        for (String[] change : changes) {
            String[] params = Arrays.copyOfRange(change, 1, change.length);
            CallResult r = call(admin, change[0], params);
            assertUnmodifiable(r);
        }
        CallResult delete = call(admin, "DeleteRole", "RoleName", SLR);
        assertThat(delete.decision()).as("the engine's trace: AWS manages this resource").isNotNull();
        assertThat(delete.decision().decidingLayer()).isEqualTo(PolicyLayer.AWS_MANAGED);
        IamRole role = sandbox.account(ACCOUNT).role(SLR);
        assertThat(role.inlinePolicies).containsOnlyKeys("Service");
        assertThat(role.attachedPolicyArns).isEmpty();
        assertThat(role.maxSessionDurationSeconds).isEqualTo(3600);
    }

    @Test
    void noInstanceProfileCanCarryAServiceLinkedRoleSoEc2CannotBePassedIt() {
        root("CreateInstanceProfile", "InstanceProfileName", "web");
        assertUnmodifiable(call(admin, "AddRoleToInstanceProfile", "InstanceProfileName", "web", "RoleName", SLR));
        assertThat(sandbox.account(ACCOUNT).instanceProfile("web").roleName).isNull();
        call(admin, "AddRoleToInstanceProfile", "InstanceProfileName", "web", "RoleName", "app").orThrow();
    }

    @Test
    void theDescriptionStaysEditable() {
        call(admin, "UpdateRole", "RoleName", SLR, "Description", "Beanstalk").orThrow();
        assertThat(sandbox.account(ACCOUNT).role(SLR).description).isEqualTo("Beanstalk");
    }

    @Test
    void withoutThePermissionItIsAccessDeniedAsForAnyRole() {
        CallResult r = call(nobody, "DeleteRole", "RoleName", SLR);
        assertThat(r.error().code()).isEqualTo("AccessDenied");
        assertThat(r.error().httpStatus()).isEqualTo(403);
    }

    @Test
    void anOrdinaryRoleIsChangedAsBefore() {
        call(admin, "PutRolePolicy", "RoleName", "app", "PolicyName", "p", "PolicyDocument", INLINE).orThrow();
        call(admin, "DeleteRolePolicy", "RoleName", "app", "PolicyName", "p").orThrow();
        call(admin, "DeleteRole", "RoleName", "app").orThrow();
        assertThat(sandbox.account(ACCOUNT).role("app")).isNull();
    }
}
