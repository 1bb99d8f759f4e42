package org.iamdojo.iam.eval;

import static org.iamdojo.iam.eval.EvalDecision.ALLOW;
import static org.iamdojo.iam.eval.EvalDecision.IMPLICIT_DENY;
import static org.iamdojo.iam.eval.Requests.policy;
import static org.iamdojo.iam.eval.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Policy variables per https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html */
class PolicyVariablesTest {

    private static CompiledPolicy homeDir(String version) {
        return policy("{" + version + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::bucket/home/${aws:username}/*\"}]}");
    }

    @Test
    void usernameInResource() {
        CompiledPolicy p = homeDir("\"Version\":\"2012-10-17\",");
        assertEquals(ALLOW, request().identity(p).resource("arn:aws:s3:::bucket/home/alice/a.txt").outcome());
        assertEquals(IMPLICIT_DENY, request().identity(p).resource("arn:aws:s3:::bucket/home/bob/a.txt").outcome());
    }

    @Test
    void noSubstitutionIn2008OrWithoutVersion() {
        for (String v : new String[] {"\"Version\":\"2008-10-17\",", ""}) {
            CompiledPolicy p = homeDir(v);
            assertEquals(IMPLICIT_DENY, request().identity(p).resource("arn:aws:s3:::bucket/home/alice/a.txt")
                    .outcome());
            assertEquals(ALLOW, request().identity(p).resource("arn:aws:s3:::bucket/home/${aws:username}/a")
                    .outcome());
        }
    }

    @Test
    void missingKeyMakesValueNotMatchUnlessDefaultGiven() {
        CompiledPolicy p = policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/${aws:PrincipalTag/team}/*\"}]}");
        assertEquals(IMPLICIT_DENY, request().identity(p).resource("arn:aws:s3:::b/red/x").outcome());
        assertEquals(ALLOW, request().identity(p).resource("arn:aws:s3:::b/red/x")
                .context("aws:PrincipalTag/team", "red").outcome());
        CompiledPolicy d = policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}/*\"}]}");
        assertEquals(ALLOW, request().identity(d).resource("arn:aws:s3:::b/none/x").outcome());
    }

    @Test
    void escapesAreLiteralCharacters() {
        CompiledPolicy p = policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/${*}${?}${$}\"}]}");
        assertEquals(ALLOW, request().identity(p).resource("arn:aws:s3:::b/*?$").outcome());
        assertEquals(IMPLICIT_DENY, request().identity(p).resource("arn:aws:s3:::b/xy$").outcome());
    }

    @Test
    void variablesInConditionValues() {
        CompiledPolicy p = policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{\"StringLike\":"
                + "{\"s3:prefix\":[\"home/${aws:username}/*\"]}}}]}");
        assertEquals(ALLOW, request().identity(p).action("s3:ListBucket").resource("arn:aws:s3:::b")
                .context("s3:prefix", "home/alice/docs").outcome());
        assertEquals(IMPLICIT_DENY, request().identity(p).action("s3:ListBucket").resource("arn:aws:s3:::b")
                .context("s3:prefix", "home/bob/docs").outcome());
    }
}
