package org.iamdojo.iam.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Result;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Verdict;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.RequestContext;
import org.junit.jupiter.api.Test;

/**
 * NoNewAccessCheck against the real Authorizer. Semantics: CheckNoNewAccess
 * (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html) and the IAM
 * wildcard rules (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */
class NoNewAccessCheckTest {
    private final NoNewAccessCheck check = new NoNewAccessCheck();
    private final Authorizer authorizer = new Authorizer();

    private static CompiledPolicy policy(String statements) throws Exception {
        return CompiledPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", "p");
    }

    private static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    @Test
    void widenedBucketReadFailsWithReplayableCounterexample() throws Exception {
        // developers-and-testers: testers widened to s3:GetObject on every bucket
        CompiledPolicy existing = policy(allow("s3:GetObject", "arn:aws:s3:::test-bucket/*"));
        CompiledPolicy widened = policy(allow("s3:GetObject", "arn:aws:s3:::*"));
        Verdict v = check.check(List.of(existing), List.of(widened));
        assertEquals(Result.FAIL, v.result());
        assertEquals(0, v.statementIndex());
        AuthorizationRequest cx = v.counterexample();
        assertNotNull(cx);
        assertTrue(authorizer.authorize(cx).allowed());
        assertFalse(authorizer.authorize(AuthorizationRequest.of(cx.principal(), cx.action(), cx.resource(),
                RequestContext.empty(), List.of(existing))).allowed());
    }

    @Test
    void narrowerPolicyPasses() throws Exception {
        CompiledPolicy existing = policy(allow("s3:Get*", "arn:aws:s3:::test-bucket/*"));
        CompiledPolicy narrower = policy(allow("s3:GetObject", "arn:aws:s3:::test-bucket/reports/*"));
        assertEquals(Result.PASS, check.check(List.of(existing), List.of(narrower)).result());
    }

    @Test
    void actionsCompareCaseInsensitively() throws Exception {
        CompiledPolicy existing = policy(allow("S3:getobject", "*"));
        CompiledPolicy same = policy(allow("s3:GetObject", "*"));
        assertEquals(Result.PASS, check.check(List.of(existing), List.of(same)).result());
    }

    @Test
    void globContainment() {
        assertTrue(GlobContainment.contains("a*", "ab*"));
        assertTrue(GlobContainment.contains("a?c", "abc"));
        assertTrue(GlobContainment.contains("*", "?"));
        assertFalse(GlobContainment.contains("a?c", "a*c"));
        assertFalse(GlobContainment.contains("ab*", "a*"));
        assertFalse(GlobContainment.contains("*e}", "${aws:username}"));
        assertTrue(GlobContainment.contains("u/${aws:username}", "u/${aws:username}"));
    }

    private static final String[] ACTIONS = {"s3:GetObject", "s3:Get*", "s3:*", "s3:PutObject", "iam:*",
        "iam:CreateUser", "*", "ec2:Describe*", "s3:?etObject"};
    private static final String[] RESOURCES = {"*", "arn:aws:s3:::b1/*", "arn:aws:s3:::b1", "arn:aws:s3:::b*",
        "arn:aws:s3:::b1/k?", "arn:aws:iam::111122223333:user/*", "arn:aws:s3:::*/x"};

    /**
     * Seeded, bounded: random policy pairs (Allow and Deny statements over the constants above), 200 random
     * requests each from the constants and their mutations; a PASS must survive every request, a FAIL must
     * replay. At least 100,000 requests in all.
     */
    @Test
    void randomPairsAgreeWithAuthorizer() throws Exception {
        Random rnd = new Random(21);
        int requests = 0;
        int passes = 0;
        int fails = 0;
        for (int pair = 0; pair < 600; pair++) {
            CompiledPolicy a = randomPolicy(rnd);
            CompiledPolicy b = randomPolicy(rnd);
            Verdict v = check.check(List.of(a), List.of(b));
            if (v.result() == Result.FAIL) {
                fails++;
                assertTrue(authorizer.authorize(v.counterexample()).allowed());
                AuthorizationRequest cx = v.counterexample();
                assertFalse(authorizer.authorize(AuthorizationRequest.of(cx.principal(), cx.action(),
                        cx.resource(), RequestContext.empty(), List.of(a))).allowed());
            } else if (v.result() == Result.PASS) {
                passes++;
            }
            for (int r = 0; r < 200; r++) {
                String action = mutate(rnd, ACTIONS[rnd.nextInt(ACTIONS.length)]);
                String resource = mutate(rnd, RESOURCES[rnd.nextInt(RESOURCES.length)]);
                requests++;
                boolean newAllows = allowed("arn:aws:iam::111122223333:user/u", action, resource, b);
                boolean oldAllows = allowed("arn:aws:iam::111122223333:user/u", action, resource, a);
                if (v.result() == Result.PASS && newAllows) {
                    assertTrue(oldAllows, "PASS refuted by " + action + " " + resource);
                }
            }
        }
        assertTrue(requests >= 100_000);
        assertTrue(passes > 20, "passes " + passes);
        assertTrue(fails > 20, "fails " + fails);
    }

    private boolean allowed(String principal, String action, String resource, CompiledPolicy p) {
        try {
            return authorizer.authorize(AuthorizationRequest.of(principal, action, resource,
                    RequestContext.empty(), List.of(p))).allowed();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String mutate(Random rnd, String s) {
        String base = s.replace("?", String.valueOf((char) ('a' + rnd.nextInt(26))));
        switch (rnd.nextInt(4)) {
            case 0:
                return base.replace("*", "");
            case 1:
                return base.replace("*", "q" + rnd.nextInt(100));
            case 2:
                return base.replace("*", "/z").toUpperCase();
            default:
                return base.replace("*", "Object");
        }
    }

    private static CompiledPolicy randomPolicy(Random rnd) throws Exception {
        List<String> st = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            String effect = rnd.nextInt(5) == 0 ? "Deny" : "Allow";
            st.add("{\"Effect\":\"" + effect + "\",\"Action\":\"" + ACTIONS[rnd.nextInt(ACTIONS.length)]
                    + "\",\"Resource\":\"" + RESOURCES[rnd.nextInt(RESOURCES.length)] + "\"}");
        }
        return policy(String.join(",", st));
    }
}
