package org.iamdojo.iam.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.Params;
import org.junit.jupiter.api.Test;

/**
 * The access map's edges and escalation paths, one technique at a time, each with the change that closes it.
 * Techniques: Rhino Security Labs, https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/;
 * AssumeRole needs the trust policy and (across accounts, or when the trust names the account) the caller's
 * permission: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html
 */
class AccessMapperTest {
    static final String A = "111122223333";
    static final String B = "444455556666";
    final SandboxFixture f = new SandboxFixture().account(A);

    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Grant\",\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static String trustAccount(String account) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + account + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    static final String TRUST_EC2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    static String user(String name) {
        return "arn:aws:iam::" + A + ":user/" + name;
    }

    static String role(String name) {
        return "arn:aws:iam::" + A + ":role/" + name;
    }

    AccessMap map() {
        CallResult r = f.call(SandboxFixture.root(A), AccessMapOperation.SERVICE, AccessMapOperation.NAME, Params.of());
        assertThat(r.succeeded()).as(String.valueOf(r.error())).isTrue();
        return (AccessMap) r.detail();
    }

    List<Technique> techniques(AccessMap m, String principal) {
        return m.pathsFrom(principal).stream().map(EscalationPath::technique).toList();
    }

    @Test
    void membershipPoliciesAndBucketAccessAreEdges() {
        f.user(A, "alice", allow("s3:GetObject", "arn:aws:s3:::reports/*"));
        f.setup(A, "iam", "CreateGroup", Params.of("GroupName", "devs"));
        f.setup(A, "iam", "AddUserToGroup", Params.of("GroupName", "devs", "UserName", "alice"));
        f.setup(A, "s3", "CreateBucket", Params.of("Bucket", "reports"));
        f.setup(A, "s3", "CreateBucket", Params.of("Bucket", "secrets"));
        AccessMap m = map();
        assertThat(m.edgesFrom(user("alice"), EdgeKind.MEMBER_OF)).extracting(MapEdge::to)
                .containsExactly("arn:aws:iam::" + A + ":group/devs");
        assertThat(m.edgesFrom(user("alice"), EdgeKind.INLINE)).hasSize(1);
        List<MapEdge> reads = m.edgesFrom(user("alice"), EdgeKind.CAN_READ);
        assertThat(reads).extracting(MapEdge::to).containsExactly("arn:aws:s3:::reports");
        assertThat(reads.get(0).checks().get(0).decision().allowed()).isTrue();
        assertThat(reads.get(0).checks().get(0).resource()).isEqualTo("arn:aws:s3:::reports/" + AccessMapper.PROBE_KEY);
        assertThat(m.edgesFrom(user("alice"), EdgeKind.CAN_WRITE)).isEmpty();
    }

    @Test
    void aBucketPolicyAloneGivesAnEdgeInTheSameAccount() {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
        f.user(A, "bob");
        f.setup(A, "s3", "CreateBucket", Params.of("Bucket", "shared"));
        f.setup(A, "s3", "PutBucketPolicy", Params.of("Bucket", "shared", "Policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + user("bob")
                        + "\"},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::shared/*\"}]}"));
        assertThat(map().edgesFrom(user("bob"), EdgeKind.CAN_WRITE)).extracting(MapEdge::to)
                .containsExactly("arn:aws:s3:::shared");
    }

    @Test
    void canAssumeNeedsTheTrustPolicyAndTheCallersPermissionAcrossAccounts() {
        f.account(B);
        f.user(A, "carol", allow("sts:AssumeRole", "*"));
        f.user(A, "dave");
        f.role(B, "Audit", trustAccount(A));
        f.role(A, "Local", trustAccount(B));
        // Root of A sees only A; the map of both accounts is computed for a caller of each.
        AccessMap m = new AccessMapper(new EngineAccessEvaluator())
                .map(f.sandbox, List.of(A, B), false, false);
        assertThat(m.edgesFrom(user("carol"), EdgeKind.CAN_ASSUME)).extracting(MapEdge::to)
                .containsExactly("arn:aws:iam::" + B + ":role/Audit");
        assertThat(m.edgesFrom(user("dave"), EdgeKind.CAN_ASSUME)).as("no identity permission").isEmpty();
        assertThat(map().accounts()).containsExactly(A);
    }

    @Test
    void createPolicyVersionOnAnAttachedPolicy() {
        f.user(A, "sam");
        f.setup(A, "iam", "CreatePolicy", Params.of("PolicyName", "Deploy", "PolicyDocument",
                allow("iam:CreatePolicyVersion", "*")));
        String arn = "arn:aws:iam::" + A + ":policy/Deploy";
        f.setup(A, "iam", "AttachUserPolicy", Params.of("UserName", "sam", "PolicyArn", arn));
        AccessMap m = map();
        EscalationPath p = m.pathsFrom(user("sam")).get(0);
        assertThat(p.technique()).isEqualTo(Technique.CREATE_POLICY_VERSION);
        assertThat(p.target()).isEqualTo(arn);
        assertThat(p.fix().policyId()).isEqualTo(arn);
        assertThat(p.fix().sid()).isEqualTo("Grant");
        assertThat(p.technique().reference()).startsWith("https://");
        f.setup(A, "iam", "CreatePolicyVersion", Params.of("PolicyArn", arn, "SetAsDefault", "true", "PolicyDocument",
                allow("ec2:DescribeInstances", "*")));
        assertThat(map().pathsFrom(user("sam"))).isEmpty();
    }

    @Test
    void attachOrPutAPolicyOnOneself() {
        f.user(A, "u1", allow("iam:AttachUserPolicy", user("u1")));
        f.user(A, "u2", allow("iam:PutUserPolicy", user("u2")));
        f.user(A, "u3", allow("iam:AttachUserPolicy", user("someone-else")));
        AccessMap m = map();
        assertThat(techniques(m, user("u1"))).containsExactly(Technique.ATTACH_USER_POLICY);
        assertThat(techniques(m, user("u2"))).containsExactly(Technique.PUT_USER_POLICY);
        assertThat(techniques(m, user("u3"))).isEmpty();
    }

    @Test
    void attachAPolicyToOnesGroup() {
        f.user(A, "gina");
        f.setup(A, "iam", "CreateGroup", Params.of("GroupName", "ops"));
        f.setup(A, "iam", "AddUserToGroup", Params.of("GroupName", "ops", "UserName", "gina"));
        f.setup(A, "iam", "PutGroupPolicy", Params.of("GroupName", "ops", "PolicyName", "p",
                "PolicyDocument", allow("iam:AttachGroupPolicy", "arn:aws:iam::" + A + ":group/ops")));
        assertThat(techniques(map(), user("gina"))).containsExactly(Technique.ATTACH_GROUP_POLICY);
    }

    @Test
    void attachRolePolicyOnAnAssumableRole() {
        f.user(A, "rita", allow("iam:AttachRolePolicy", role("Worker")));
        f.role(A, "Worker", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + user("rita") + "\"},\"Action\":\"sts:AssumeRole\"}]}");
        AccessMap m = map();
        assertThat(m.edgesFrom(user("rita"), EdgeKind.CAN_ASSUME)).hasSize(1);
        EscalationPath p = m.pathsFrom(user("rita")).get(0);
        assertThat(p.technique()).isEqualTo(Technique.ATTACH_ROLE_POLICY);
        assertThat(p.steps()).extracting(EngineCheck::action).containsExactly("iam:AttachRolePolicy", "sts:AssumeRole");
        // Not assumable: the permission alone is no path.
        f.setup(A, "iam", "UpdateAssumeRolePolicy", Params.of("RoleName", "Worker", "PolicyDocument", TRUST_EC2));
        assertThat(map().pathsFrom(user("rita"))).isEmpty();
    }

    @Test
    void passRoleAndRunInstancesToAStrongerRole() {
        f.user(A, "sam", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"ec2:RunInstances\"],\"Resource\":\"*\"},{\"Sid\":\"Pass\",\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
                + "\"Resource\":\"*\"}]}");
        f.role(A, "AdminRole", TRUST_EC2, SandboxFixture.ADMIN);
        f.role(A, "AppRole", TRUST_EC2);
        AccessMap m = map();
        assertThat(m.pathsFrom(user("sam"))).as("no instance profile, none can be made").isEmpty();
        f.setup(A, "iam", "CreateInstanceProfile", Params.of("InstanceProfileName", "AdminRole"));
        f.setup(A, "iam", "AddRoleToInstanceProfile", Params.of("InstanceProfileName", "AdminRole", "RoleName", "AdminRole"));
        f.setup(A, "iam", "CreateInstanceProfile", Params.of("InstanceProfileName", "AppRole"));
        f.setup(A, "iam", "AddRoleToInstanceProfile", Params.of("InstanceProfileName", "AppRole", "RoleName", "AppRole"));
        m = map();
        List<EscalationPath> paths = m.pathsFrom(user("sam"));
        assertThat(paths).extracting(EscalationPath::technique).containsExactly(Technique.PASS_ROLE_EC2);
        assertThat(paths.get(0).target()).as("AppRole is not stronger").isEqualTo(role("AdminRole"));
        assertThat(paths.get(0).fix().sid()).isEqualTo("Pass");
        assertThat(m.admins()).contains(role("AdminRole"));
        assertThat(m.edgesFrom(role("AdminRole"), EdgeKind.IN_PROFILE)).hasSize(1);
    }

    @Test
    void updateAssumeRolePolicyOnAStrongerRole() {
        f.user(A, "uma", allow("iam:UpdateAssumeRolePolicy", role("Admin")));
        f.role(A, "Admin", TRUST_EC2, SandboxFixture.ADMIN);
        EscalationPath p = map().pathsFrom(user("uma")).get(0);
        assertThat(p.technique()).isEqualTo(Technique.UPDATE_ASSUME_ROLE_POLICY);
        assertThat(p.steps().get(1).decision().allowed()).isTrue();
        assertThat(p.gains()).isNotNull();
    }

    @Test
    void credentialsOfAStrongerUser() {
        f.user(A, "kim", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"iam:CreateAccessKey\",\"iam:CreateLoginProfile\",\"iam:UpdateLoginProfile\"],\"Resource\":\"*\"}]}");
        f.setup(A, "iam", "CreateUser", Params.of("UserName", "boss"));
        f.setup(A, "iam", "PutUserPolicy", Params.of("UserName", "boss", "PolicyName", "a", "PolicyDocument",
                allow("s3:DeleteBucket", "*")));
        f.setup(A, "iam", "CreateUser", Params.of("UserName", "intern"));
        AccessMap m = map();
        assertThat(m.pathsFrom(user("kim"))).extracting(EscalationPath::technique, EscalationPath::target)
                .containsExactlyInAnyOrder(
                        tuple(Technique.CREATE_ACCESS_KEY, user("boss")),
                        tuple(Technique.CREATE_LOGIN_PROFILE, user("boss")));
        f.setup(A, "iam", "CreateLoginProfile", Params.of("UserName", "boss", "Password", "Sup3r-secret-pw!"));
        assertThat(techniques(map(), user("kim"))).contains(Technique.UPDATE_LOGIN_PROFILE)
                .doesNotContain(Technique.CREATE_LOGIN_PROFILE);
    }

    @Test
    void addOneselfToAStrongerGroup() {
        f.user(A, "al", allow("iam:AddUserToGroup", "*"));
        f.setup(A, "iam", "CreateGroup", Params.of("GroupName", "admins"));
        f.setup(A, "iam", "PutGroupPolicy", Params.of("GroupName", "admins", "PolicyName", "p",
                "PolicyDocument", SandboxFixture.ADMIN));
        f.setup(A, "iam", "CreateGroup", Params.of("GroupName", "empty"));
        AccessMap m = map();
        assertThat(m.pathsFrom(user("al"))).extracting(EscalationPath::target)
                .containsExactly("arn:aws:iam::" + A + ":group/admins");
    }

    @Test
    void aRolesPathIsThePathOfWhoeverCanAssumeIt() {
        f.user(A, "vic", allow("sts:AssumeRole", "*"));
        f.role(A, "Hop", trustAccount(A), allow("iam:PutRolePolicy", role("Hop")));
        AccessMap m = map();
        assertThat(techniques(m, role("Hop"))).containsExactly(Technique.PUT_ROLE_POLICY);
        EscalationPath p = m.pathsFrom(user("vic")).stream().filter(x -> x.technique() == Technique.PUT_ROLE_POLICY)
                .findFirst().orElseThrow();
        assertThat(p.steps()).extracting(EngineCheck::action).containsExactly("sts:AssumeRole", "iam:PutRolePolicy");
    }

    @Test
    void theMapNeedsGetAccountAuthorizationDetails() {
        Credentials.AccessKeyPair nobody = f.user(A, "nobody");
        CallResult r = f.call(nobody, AccessMapOperation.SERVICE, AccessMapOperation.NAME, Params.of());
        assertThat(r.error().code()).isEqualTo("AccessDenied");
        assertThat(r.error().getMessage()).contains("iam:GetAccountAuthorizationDetails");
        Credentials.AccessKeyPair reader = f.user(A, "reader", allow("iam:GetAccountAuthorizationDetails", "*"));
        AccessMap m = (AccessMap) f.call(reader, AccessMapOperation.SERVICE, AccessMapOperation.NAME, Params.of()).detail();
        assertThat(m.bucketsShown()).isFalse();
        assertThat(m.node(user("nobody"))).isNotNull();
    }
}
