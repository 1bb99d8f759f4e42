package org.iamdojo.iam.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Delegating user creation with a required permissions boundary, as in
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html ("Delegating responsibility
 * to others using permissions boundaries"): iam:PermissionsBoundary is in the CreateUser request context.
 */
class BoundaryDelegationTest {

    @Test
    void aLeadMayCreateUsersOnlyWithTheBoundary() {
        Sandbox sandbox = IamOperationsTest.newSandbox();
        sandbox.createAccount("111122223333", "root@example.com", "root-password-1");
        Credentials root = Credentials.ConsoleSession.root("111122223333", false);
        sandbox.call(root, "iam", "CreatePolicy", Params.of("PolicyName", "TeamBoundary", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"), null).orThrow();
        sandbox.call(root, "iam", "CreateUser", Params.of("UserName", "lead"), null).orThrow();
        sandbox.call(root, "iam", "PutUserPolicy", Params.of("UserName", "lead", "PolicyName", "CreateWithBoundary",
                "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iam:CreateUser\","
                        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"iam:PermissionsBoundary\":"
                        + "\"arn:aws:iam::111122223333:policy/TeamBoundary\"}}}}"), null).orThrow();
        JsonNode key = sandbox.call(root, "iam", "CreateAccessKey", Params.of("UserName", "lead"), null).orThrow().get("AccessKey");
        Credentials lead = Credentials.AccessKeyPair.longTerm(key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText());

        assertThat(sandbox.call(lead, "iam", "CreateUser", Params.of("UserName", "dev0"), null).error().code())
                .isEqualTo("AccessDenied");
        assertThat(sandbox.call(lead, "iam", "CreateUser", Params.of("UserName", "dev1",
                "PermissionsBoundary", "arn:aws:iam::111122223333:policy/TeamBoundary"), null).succeeded()).isTrue();
        assertThat(sandbox.account("111122223333").user("dev1").permissionsBoundaryArn())
                .isEqualTo("arn:aws:iam::111122223333:policy/TeamBoundary");
    }
}
