package org.iamdojo.iam.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The access map with its per-map shortcuts (each principal's policies and context prepared once, the action index
 * that skips requests no identity Allow statement can grant) equals the straightforward map that builds every
 * request from scratch and asks the engine every question: same nodes, every edge with the same checks (requests
 * and decisions), every escalation path with the same steps and fix. The sandboxes are generated: two accounts,
 * users, groups, roles, managed/inline policies with Allow and Deny, NotAction/NotResource, conditions,
 * boundaries, trust policies (account, user, EC2, cross-account), buckets with objects and bucket policies,
 * instance profiles. Evaluation logic: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * (identity-based allow needed unless a resource-based policy grants); techniques: Rhino Security Labs,
 * https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
 */
class AccessMapEquivalenceTest {
    static final String A = "111122223333";
    static final String B = "444455556666";

    static final List<String> ACTIONS = List.of("*", "iam:*", "iam:Attach*", "iam:Put*Policy", "iam:PassRole",
            "iam:CreatePolicyVersion", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
            "iam:AddUserToGroup", "iam:AttachUserPolicy", "iam:PutUserPolicy", "iam:AttachRolePolicy",
            "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:AttachGroupPolicy", "iam:PutGroupPolicy",
            "iam:CreateInstanceProfile", "iam:AddRoleToInstanceProfile", "iam:CreateUser", "sts:AssumeRole",
            "s3:GetObject", "s3:PutObject", "s3:*", "s3:Get*", "ec2:RunInstances", "ec2:*", "kms:CreateKey",
            "cloudtrail:StopLogging", "organizations:LeaveOrganization", "s3:DeleteBucket", "ec2:TerminateInstances");
    static final List<String> CONDITIONS = List.of(
            "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}",
            "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}",
            "{\"StringEquals\":{\"iam:PassedToService\":\"ec2.amazonaws.com\"}}",
            "{\"StringEquals\":{\"aws:PrincipalAccount\":\"" + A + "\"}}",
            "{\"StringLike\":{\"sts:RoleSessionName\":\"dojo-*\"}}",
            "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}",
            "{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}",
            "{\"StringEquals\":{\"aws:ResourceAccount\":\"" + B + "\"}}");

    final SandboxFixture f = new SandboxFixture().account(A).account(B);
    final List<String> users = new ArrayList<>();
    final List<String> roles = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final List<String> policies = new ArrayList<>();
    final List<String> buckets = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void optimizedMapEqualsStraightforwardMap(long seed) {
        generate(new Random(seed));
        EngineAccessEvaluator evaluator = new EngineAccessEvaluator();
        AccessMap fast = new AccessMapper(evaluator).map(f.sandbox, List.of(A, B), true, true);
        AccessMap plain = new AccessMapper(evaluator, true).map(f.sandbox, List.of(A, B), true, true);

        assertThat(fast.nodes()).isEqualTo(plain.nodes());
        assertThat(fast.admins()).isEqualTo(plain.admins());
        assertThat(fast.edges().stream().map(AccessMapEquivalenceTest::describe).toList())
                .containsExactlyElementsOf(plain.edges().stream().map(AccessMapEquivalenceTest::describe).toList());
        assertThat(fast.paths().stream().map(AccessMapEquivalenceTest::describe).toList())
                .containsExactlyElementsOf(plain.paths().stream().map(AccessMapEquivalenceTest::describe).toList());
        // The generated account exercises what the shortcuts touch: engine edges of each kind and escalation paths.
        Set<EdgeKind> kinds = plain.edges().stream().filter(e -> !e.checks().isEmpty()).map(MapEdge::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EdgeKind.class)));
        assertThat(kinds).contains(EdgeKind.CAN_ASSUME, EdgeKind.CAN_READ, EdgeKind.CAN_WRITE);
        assertThat(plain.paths()).isNotEmpty();
    }

    /** An edge with every check's request and decision, as text that equals only for equal edges. */
    static String describe(MapEdge e) {
        return e.kind() + " " + e.from() + " -> " + e.to() + " " + e.checks().stream()
                .map(AccessMapEquivalenceTest::describe).toList();
    }

    static String describe(EscalationPath p) {
        return p.principal() + " " + p.technique() + " " + p.target() + " gains " + p.gains() + " fix " + p.fix()
                + " steps " + p.steps().stream().map(AccessMapEquivalenceTest::describe).toList();
    }

    static String describe(EngineCheck c) {
        AuthorizationRequest r = c.request();
        return c.action() + " on " + c.resource() + " {" + r.principal() + " " + r.action() + " " + r.resource() + " "
                + r.resourceAccount() + " ctx " + r.context().asMap() + " identity " + ids(r.identityPolicies())
                + " boundary " + id(r.permissionsBoundary()) + " session " + id(r.sessionPolicy()) + " resource "
                + id(r.resourcePolicy()) + " scps " + r.scps().stream().map(AccessMapEquivalenceTest::ids).toList()
                + " rcps " + r.rcps().stream().map(AccessMapEquivalenceTest::ids).toList() + " issuer "
                + r.sessionIssuer() + "} -> " + c.decision();
    }

    static List<String> ids(List<CompiledPolicy> ps) {
        return ps.stream().map(AccessMapEquivalenceTest::id).toList();
    }

    static String id(CompiledPolicy p) {
        return p == null ? "-" : p.id() + "@" + System.identityHashCode(p);
    }

    void generate(Random rnd) {
        for (int g = 0; g < 3; g++) {
            f.setup(A, "iam", "CreateGroup", Params.of("GroupName", "group-" + g));
            groups.add("arn:aws:iam::" + A + ":group/group-" + g);
        }
        for (int u = 0; u < 12; u++) {
            users.add("arn:aws:iam::" + A + ":user/user-" + u);
        }
        for (int r = 0; r < 8; r++) {
            roles.add("arn:aws:iam::" + A + ":role/role-" + r);
        }
        users.add("arn:aws:iam::" + B + ":user/outsider");
        roles.add("arn:aws:iam::" + B + ":role/partner");
        for (int b = 0; b < 4; b++) {
            buckets.add("bucket-" + b);
        }
        for (int p = 0; p < 10; p++) {
            f.setup(A, "iam", "CreatePolicy", Params.of("PolicyName", "policy-" + p, "PolicyDocument", policy(rnd)));
            policies.add("arn:aws:iam::" + A + ":policy/policy-" + p);
        }
        for (int g = 0; g < 3; g++) {
            f.setup(A, "iam", "AttachGroupPolicy", Params.of("GroupName", "group-" + g, "PolicyArn", pick(rnd, policies)));
            if (rnd.nextBoolean()) {
                f.setup(A, "iam", "PutGroupPolicy", Params.of("GroupName", "group-" + g, "PolicyName", "inline",
                        "PolicyDocument", policy(rnd)));
            }
        }
        for (int u = 0; u < 12; u++) {
            String name = "user-" + u;
            f.setup(A, "iam", "CreateUser", Params.of("UserName", name));
            if (rnd.nextInt(3) > 0) {
                f.setup(A, "iam", "AddUserToGroup", Params.of("GroupName", "group-" + rnd.nextInt(3), "UserName", name));
            }
            if (rnd.nextBoolean()) {
                f.setup(A, "iam", "AttachUserPolicy", Params.of("UserName", name, "PolicyArn", pick(rnd, policies)));
            }
            if (rnd.nextInt(3) > 0) {
                f.setup(A, "iam", "PutUserPolicy", Params.of("UserName", name, "PolicyName", "inline",
                        "PolicyDocument", policy(rnd)));
            }
            if (rnd.nextInt(5) == 0) {
                f.setup(A, "iam", "PutUserPermissionsBoundary", Params.of("UserName", name, "PermissionsBoundary",
                        pick(rnd, policies)));
            }
            if (rnd.nextInt(3) == 0) {
                f.setup(A, "iam", "CreateLoginProfile", Params.of("UserName", name, "Password", "Passw0rd!Passw0rd!"));
            }
            if (rnd.nextInt(4) == 0) {
                f.setup(A, "iam", "TagUser", SandboxFixture.json("{\"UserName\":\"" + name
                        + "\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"blue\"}]}"));
            }
        }
        f.user(B, "outsider", policy(rnd));
        for (int r = 0; r < 8; r++) {
            f.role(A, "role-" + r, trustPolicy(rnd), policy(rnd));
            if (rnd.nextBoolean()) {
                f.setup(A, "iam", "AttachRolePolicy", Params.of("RoleName", "role-" + r, "PolicyArn", pick(rnd, policies)));
            }
            if (rnd.nextInt(3) == 0) {
                f.setup(A, "iam", "CreateInstanceProfile", Params.of("InstanceProfileName", "profile-" + r));
                f.setup(A, "iam", "AddRoleToInstanceProfile", Params.of("InstanceProfileName", "profile-" + r,
                        "RoleName", "role-" + r));
            }
        }
        f.role(B, "partner", SandboxFixture.trust(A, null), policy(rnd));
        for (int b = 0; b < 4; b++) {
            String bucket = "bucket-" + b;
            f.setup(A, "s3", "CreateBucket", Params.of("Bucket", bucket));
            for (int o = 0; o < b; o++) {
                f.setup(A, "s3", "PutObject", Params.of("Bucket", bucket, "Key", "data/" + o + ".csv", "Body", "x"));
            }
            if (rnd.nextBoolean()) {
                f.setup(A, "s3", "PutBucketPolicy", Params.of("Bucket", bucket, "Policy", bucketPolicy(rnd, bucket)));
            }
        }
    }

    String policy(Random rnd) {
        int n = 1 + rnd.nextInt(4);
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean deny = rnd.nextInt(6) == 0;
            StringBuilder s = new StringBuilder("{\"Sid\":\"S" + i + "\",\"Effect\":\"" + (deny ? "Deny" : "Allow") + "\",");
            String action = rnd.nextInt(3) == 0 ? "[\"" + pick(rnd, ACTIONS) + "\",\"" + pick(rnd, ACTIONS) + "\"]"
                    : "\"" + pick(rnd, ACTIONS) + "\"";
            s.append(rnd.nextInt(8) == 0 ? "\"NotAction\":" : "\"Action\":").append(action).append(',');
            s.append(rnd.nextInt(8) == 0 ? "\"NotResource\":" : "\"Resource\":").append('"').append(resource(rnd))
                    .append('"');
            if (rnd.nextInt(4) == 0) {
                s.append(",\"Condition\":").append(pick(rnd, CONDITIONS));
            }
            statements.add(s.append('}').toString());
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    String resource(Random rnd) {
        return switch (rnd.nextInt(9)) {
            case 0, 1 -> "*";
            case 2 -> pick(rnd, users);
            case 3 -> pick(rnd, roles);
            case 4 -> pick(rnd, groups);
            case 5 -> pick(rnd, policies.isEmpty() ? List.of("*") : policies);
            case 6 -> "arn:aws:s3:::" + pick(rnd, buckets) + "/*";
            case 7 -> "arn:aws:iam::" + A + ":user/user-1*";
            default -> "arn:aws:iam::" + A + ":role/*";
        };
    }

    String trustPolicy(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> AccessMapperTest.TRUST_EC2;
            case 1 -> SandboxFixture.trust(A, null);
            case 2 -> SandboxFixture.trust(pick(rnd, users.subList(0, 12)), null);
            case 3 -> SandboxFixture.trust(A, "{\"StringLike\":{\"sts:RoleSessionName\":\"dojo-*\"}}");
            default -> SandboxFixture.trust(B, null);
        };
    }

    String bucketPolicy(Random rnd, String bucket) {
        String principal = rnd.nextBoolean() ? pick(rnd, users) : pick(rnd, roles);
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + (rnd.nextInt(4) == 0 ? "Deny" : "Allow")
                + "\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":\"" + (rnd.nextBoolean() ? "s3:GetObject"
                : "s3:*") + "\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
    }

    static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }
}
