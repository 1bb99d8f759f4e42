package org.iamdojo.iam.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.iamdojo.iam.analysis.AccessDifference.Coverage;
import org.iamdojo.iam.analysis.AccessDifference.Result;
import org.iamdojo.iam.analysis.AccessDifference.Row;
import org.iamdojo.iam.analysis.AccessDifference.Source;
import org.iamdojo.iam.analysis.NoNewAccessCheck.PolicyType;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.junit.jupiter.api.Test;

/**
 * The difference rows of the Compare page, each checked against the real Authorizer: every sampled request a row
 * describes is allowed by the new policy and not by the existing one. The question is CheckNoNewAccess's
 * (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html; the custom policy
 * checks guide, https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-checks-validating-policies.html).
 */
class AccessDifferenceTest {
    private final AccessDifference difference = new AccessDifference(ActionCatalog.standard());
    private final NoNewAccessCheck engine = new NoNewAccessCheck();
    private final Authorizer authorizer = new Authorizer();

    private static CompiledPolicy policy(String statements) throws Exception {
        return CompiledPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", "p");
    }

    private static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    private static String deny(String action, String resource) {
        return "{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    @Test
    void widenedBucketReadIsEveryBucketExceptTheFirst() throws Exception {
        CompiledPolicy existing = policy(allow("s3:GetObject", "arn:aws:s3:::dojo-app-artifacts/*"));
        CompiledPolicy widened = policy(allow("s3:GetObject", "arn:aws:s3:::*"));
        Result r = difference.compute(existing, widened, PolicyType.IDENTITY_POLICY);
        assertEquals(1, r.rows().size());
        Row row = r.rows().get(0);
        assertEquals(List.of("s3:GetObject"), row.actions());
        assertEquals(List.of("arn:aws:s3:::*"), row.resources());
        assertEquals(1, row.exceptions().size());
        assertEquals(Source.EXISTING_ALLOW, row.exceptions().get(0).source());
        assertTrue(row.exceptions().get(0).coversRowActions());
        assertEquals(List.of("arn:aws:s3:::dojo-app-artifacts/*"), row.exceptions().get(0).statement().resources());
        assertEquals("arn:aws:s3:::example-other-bucket/report.txt", row.example().resource());
        assertEquals(Coverage.COMPLETE, r.coverage());
        assertRowsProved(r, existing, widened, PolicyType.IDENTITY_POLICY);
    }

    @Test
    void equalOrNarrowerHasNoRows() throws Exception {
        CompiledPolicy existing = policy(allow("s3:Get*", "arn:aws:s3:::dojo-app-artifacts/*"));
        for (CompiledPolicy p : List.of(existing, policy(allow("s3:GetObject", "arn:aws:s3:::dojo-app-artifacts/a/*")))) {
            Result r = difference.compute(existing, p, PolicyType.IDENTITY_POLICY);
            assertTrue(r.rows().isEmpty());
            assertEquals(Coverage.COMPLETE, r.coverage());
        }
    }

    @Test
    void widerActionOnTheSameBucketExceptsTheExistingAction() throws Exception {
        CompiledPolicy existing = policy(allow("s3:GetObject", "arn:aws:s3:::b1/*"));
        CompiledPolicy wider = policy(allow("s3:*", "arn:aws:s3:::b1/*"));
        Result r = difference.compute(existing, wider, PolicyType.IDENTITY_POLICY);
        assertEquals(1, r.rows().size());
        assertFalse(r.rows().get(0).exceptions().get(0).coversRowActions());
        assertEquals(Coverage.COMPLETE, r.coverage());
        assertRowsProved(r, existing, wider, PolicyType.IDENTITY_POLICY);
    }

    @Test
    void newDenyIsAnExceptionOfTheRow() throws Exception {
        CompiledPolicy existing = policy(allow("s3:ListBucket", "arn:aws:s3:::b1"));
        CompiledPolicy proposed = policy(allow("s3:*", "*") + "," + deny("s3:DeleteObject", "*"));
        Result r = difference.compute(existing, proposed, PolicyType.IDENTITY_POLICY);
        assertEquals(1, r.rows().size());
        assertTrue(r.rows().get(0).exceptions().stream().anyMatch(e -> e.source() == Source.NEW_DENY
                && e.statementIndex() == 1));
        assertEquals(Coverage.COMPLETE, r.coverage());
        assertRowsProved(r, existing, proposed, PolicyType.IDENTITY_POLICY);
    }

    @Test
    void conditionOfTheNewStatementStaysOnTheRowAndExistingConditionIsExceptedExactly() throws Exception {
        CompiledPolicy existing = policy("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}");
        CompiledPolicy proposed = policy("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}");
        Result r = difference.compute(existing, proposed, PolicyType.IDENTITY_POLICY);
        assertEquals(1, r.rows().size());
        assertEquals(1, r.rows().get(0).piece().conditions().size());
        assertEquals(1, r.rows().get(0).exceptions().get(0).statement().conditions().size());
        assertEquals(Coverage.COMPLETE, r.coverage());
        assertRowsProved(r, existing, proposed, PolicyType.IDENTITY_POLICY);
    }

    @Test
    void existingDenyIsReportedAsMoreNotHidden() throws Exception {
        // The existing policy's Deny makes part of the difference that no row describes: coverage says so.
        CompiledPolicy existing = policy(allow("s3:GetObject", "*") + "," + deny("s3:GetObject", "arn:aws:s3:::secret/*"));
        CompiledPolicy proposed = policy(allow("s3:GetObject", "*"));
        Result r = difference.compute(existing, proposed, PolicyType.IDENTITY_POLICY);
        assertTrue(r.rows().isEmpty());
        assertEquals(Coverage.MORE, r.coverage());
        assertNotNull(r.outside());
        assertTrue(r.outside().resource().startsWith("arn:aws:s3:::secret/"), r.outside().resource());
        assertTrue(engine.allows(r.outside(), List.of(proposed), PolicyReasoner.Mode.IDENTITY));
        assertFalse(engine.allows(r.outside(), List.of(existing), PolicyReasoner.Mode.IDENTITY));
    }

    @Test
    void rowsAreCappedAndTheRestIsAnd_more() throws Exception {
        CompiledPolicy existing = policy(allow("s3:ListBucket", "arn:aws:s3:::b1"));
        StringBuilder sb = new StringBuilder();
        String[] actions = {"iam:CreateUser", "iam:DeleteUser", "ec2:RunInstances", "sqs:SendMessage",
            "sns:Publish", "kms:Decrypt", "lambda:InvokeFunction", "dynamodb:GetItem"};
        for (int i = 0; i < actions.length; i++) {
            sb.append(i == 0 ? "" : ",").append(allow(actions[i], "*"));
        }
        CompiledPolicy proposed = policy(sb.toString());
        Result r = difference.compute(existing, proposed, PolicyType.IDENTITY_POLICY);
        assertEquals(AccessDifference.MAX_ROWS, r.rows().size());
        assertEquals(Coverage.MORE, r.coverage());
        assertRowsProved(r, existing, proposed, PolicyType.IDENTITY_POLICY);
    }

    @Test
    void duplicatedStatementGivesOneRow() throws Exception {
        CompiledPolicy existing = policy(allow("s3:ListBucket", "arn:aws:s3:::b1"));
        CompiledPolicy proposed = policy(allow("s3:Get*", "*") + "," + allow("s3:GetObject", "arn:aws:s3:::b2/*"));
        Result r = difference.compute(existing, proposed, PolicyType.IDENTITY_POLICY);
        assertEquals(1, r.rows().size());
        assertEquals(Coverage.COMPLETE, r.coverage());
    }

    @Test
    void resourcePolicyRowKeepsThePrincipal() throws Exception {
        CompiledPolicy existing = CompiledPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b1/*\"}]}", "e");
        CompiledPolicy proposed = CompiledPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b1/*\"}]}", "n");
        Result r = difference.compute(existing, proposed, PolicyType.RESOURCE_POLICY);
        assertEquals(1, r.rows().size());
        assertTrue(r.rows().get(0).piece().principal().wildcard());
        assertNotNull(r.rows().get(0).example());
        assertEquals(Coverage.COMPLETE, r.coverage());
        assertRowsProved(r, existing, proposed, PolicyType.RESOURCE_POLICY);
    }

    @Test
    void notActionAndNotResourceStayOnePiece() throws Exception {
        CompiledPolicy existing = policy(allow("s3:GetObject", "*"));
        CompiledPolicy proposed = policy("{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],"
                + "\"NotResource\":\"arn:aws:s3:::secret/*\"}");
        Result r = difference.compute(existing, proposed, PolicyType.IDENTITY_POLICY);
        assertEquals(1, r.rows().size());
        assertTrue(r.rows().get(0).notAction());
        assertTrue(r.rows().get(0).notResource());
        assertEquals(Coverage.COMPLETE, r.coverage());
        assertRowsProved(r, existing, proposed, PolicyType.IDENTITY_POLICY);
    }

    /**
     * Samples requests from the policies' constants and mutations; every one a row allows must be allowed by
     * the new policy and not by the existing one, and each row must have sampled members (its example at least).
     */
    private void assertRowsProved(Result r, CompiledPolicy existing, CompiledPolicy proposed, PolicyType type) {
        PolicyReasoner.Mode mode = type == PolicyType.RESOURCE_POLICY ? PolicyReasoner.Mode.RESOURCE
                : PolicyReasoner.Mode.IDENTITY;
        Set<String> actions = new LinkedHashSet<>(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                "s3:ListBucket", "iam:CreateUser", "iam:PassRole", "ec2:RunInstances", "sqs:SendMessage",
                "organizations:ListAccounts", "kms:Decrypt"));
        Set<String> resources = new LinkedHashSet<>(List.of("*", "arn:aws:s3:::b1", "arn:aws:s3:::b1/k",
                "arn:aws:s3:::b2/k", "arn:aws:s3:::secret/x", "arn:aws:s3:::dojo-app-artifacts/a.txt",
                "arn:aws:s3:::dojo-app-artifacts", "arn:aws:s3:::other/a/b", "arn:aws:iam::111122223333:user/x"));
        List<Map<String, List<String>>> contexts = new ArrayList<>(List.of(Map.of(),
                Map.of("aws:SourceIp", List.of("10.1.2.3")), Map.of("aws:SourceIp", List.of("192.168.0.1")),
                Map.of("aws:RequestedRegion", List.of("eu-west-1")),
                Map.of("aws:RequestedRegion", List.of("eu-west-1"), "aws:SourceIp", List.of("10.1.2.3"))));
        List<String> principals = List.of(PolicyReasoner.IDENTITY_PRINCIPAL, "arn:aws:iam::111122223333:root",
                "arn:aws:iam::999988887777:user/outsider", "anonymous");
        Random random = new Random(21);
        for (Row row : r.rows()) {
            assertNotNull(row.example(), "each row has a replayed example");
            actions.add(row.example().action());
            resources.add(row.example().resource());
        }
        List<String> al = new ArrayList<>(actions);
        List<String> rl = new ArrayList<>(resources);
        for (Row row : r.rows()) {
            int members = 0;
            for (int n = 0; n < 3000; n++) {
                String resource = rl.get(random.nextInt(rl.size()));
                if (random.nextInt(4) == 0 && !resource.equals("*")) {
                    resource = resource + (random.nextBoolean() ? "/more" : "x");
                }
                PolicyReasoner.Witness w = new PolicyReasoner.Witness(
                        mode == PolicyReasoner.Mode.IDENTITY ? PolicyReasoner.IDENTITY_PRINCIPAL
                                : principals.get(random.nextInt(principals.size())),
                        al.get(random.nextInt(al.size())), resource, contexts.get(random.nextInt(contexts.size())),
                        -1, null, false);
                AuthorizationRequest req = NoNewAccessCheck.request(w, List.of(proposed), mode);
                if (engine.allows(req, List.of(row.policy()), mode)) {
                    members++;
                    assertTrue(engine.allows(req, List.of(proposed), mode), "new policy allows " + req);
                    assertFalse(engine.allows(req, List.of(existing), mode), "existing policy does not allow " + req);
                }
            }
            AuthorizationRequest ex = row.example();
            assertTrue(engine.allows(ex, List.of(row.policy()), mode));
            assertTrue(members > 0 || engine.allows(ex, List.of(proposed), mode));
        }
        if (mode == PolicyReasoner.Mode.IDENTITY) {
            for (Row row : r.rows()) {
                AuthorizationRequest ex = row.example();
                assertTrue(authorizer.authorize(AuthorizationRequest.of(ex.principal(), ex.action(), ex.resource(),
                        RequestContext.of(ex.context().asMap()), List.of(proposed))).allowed());
            }
        }
    }
}
