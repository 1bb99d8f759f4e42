package org.iamdojo.iam.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.root;

import org.iamdojo.iam.SandboxFixture;
import org.junit.jupiter.api.Test;

/** A few IAM operations' errors. Quotas: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html */
class IamOperationsTest {
    static final String A = "111122223333";
    final SandboxFixture f = new SandboxFixture().account(A);

    @Test
    void createUserTwiceIsEntityAlreadyExistsIgnoringCase() {
        assertThat(f.call(root(A), "iam", "CreateUser", Params.of("UserName", "alice")).succeeded()).isTrue();
        CallResult again = f.call(root(A), "iam", "CreateUser", Params.of("UserName", "ALICE"));
        assertThat(again.error().code()).isEqualTo("EntityAlreadyExists");
    }

    @Test
    void aThirdAccessKeyExceedsTheQuota() {
        f.call(root(A), "iam", "CreateUser", Params.of("UserName", "bob")).orThrow();
        f.call(root(A), "iam", "CreateAccessKey", Params.of("UserName", "bob")).orThrow();
        f.call(root(A), "iam", "CreateAccessKey", Params.of("UserName", "bob")).orThrow();
        CallResult third = f.call(root(A), "iam", "CreateAccessKey", Params.of("UserName", "bob"));
        assertThat(third.error().code()).isEqualTo("LimitExceeded");
        assertThat(third.error().getMessage()).isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
    }

    @Test
    void deletingAUserWithKeysOrGroupsIsADeleteConflict() {
        Credentials.AccessKeyPair key = f.user(A, "carol");
        assertThat(f.call(root(A), "iam", "DeleteUser", Params.of("UserName", "carol")).error().code())
                .isEqualTo("DeleteConflict");
        f.call(root(A), "iam", "DeleteAccessKey", Params.of("UserName", "carol", "AccessKeyId", key.accessKeyId())).orThrow();
        f.call(root(A), "iam", "CreateGroup", Params.of("GroupName", "g")).orThrow();
        f.call(root(A), "iam", "AddUserToGroup", Params.of("GroupName", "g", "UserName", "carol")).orThrow();
        assertThat(f.call(root(A), "iam", "DeleteUser", Params.of("UserName", "carol")).error().getMessage())
                .isEqualTo("Cannot delete entity, must remove users from group first.");
        f.call(root(A), "iam", "RemoveUserFromGroup", Params.of("GroupName", "g", "UserName", "carol")).orThrow();
        assertThat(f.call(root(A), "iam", "DeleteUser", Params.of("UserName", "carol")).succeeded()).isTrue();
    }

    @Test
    void anIamUserWithoutPolicyIsDeniedInAwsWords() {
        Credentials dave = f.user(A, "dave");
        CallResult r = f.call(dave, "iam", "CreateUser", Params.of("UserName", "eve"));
        assertThat(r.error().getMessage()).isEqualTo("User: arn:aws:iam::" + A + ":user/dave is not authorized to "
                + "perform: iam:CreateUser on resource: arn:aws:iam::" + A + ":user/eve because no identity-based "
                + "policy allows the iam:CreateUser action");
    }
}
