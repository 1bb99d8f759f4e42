package org.iamdojo.iam.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Result;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Verdict;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.junit.jupiter.api.Test;

/**
 * An UNKNOWN says why as a kind with its values (for pages to put in words), and the API's English message stays
 * the sentence CheckNoNewAccess's "message" has carried (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html).
 */
class UnknownReasonTest {
    private final NoNewAccessCheck check = new NoNewAccessCheck();

    private static CompiledPolicy policy(List<String> statements) throws Exception {
        return CompiledPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements)
                + "]}", "p");
    }

    private static String allow(String resource, String condition) {
        return "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"" + resource + "\""
                + (condition == null ? "" : ",\"Condition\":{" + condition + "}") + "}";
    }

    @Test
    void tooManyStatementsNamesBothNumbers() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            many.add(allow("arn:aws:s3:::bucket-" + i + "/*", null));
        }
        Verdict v = check.check(List.of(policy(many)), List.of(policy(List.of(allow("*", null)))));
        assertEquals(Result.UNKNOWN, v.result());
        assertNotNull(v.why());
        assertEquals(UnknownReason.Kind.TOO_MANY_STATEMENTS, v.why().kind());
        assertEquals(List.of("65", "63"), v.why().args());
        assertEquals("The check could not decide: the policies have 65 statements together; the check decides up to "
                + "63.", v.message());
    }

    @Test
    void aWitnessThatDoesNotReplayIsDescribedByItsParts() throws Exception {
        // One key under a String and a Numeric operator: the reasoner approximates, and its request does not replay.
        Verdict v = check.check(List.of(policy(List.of(allow("*", "\"StringLike\":{\"k1\":\"a*\"}")))),
                List.of(policy(List.of(allow("*", "\"NumericLessThan\":{\"k1\":\"10\"}")))));
        assertEquals(Result.UNKNOWN, v.result());
        assertEquals(UnknownReason.Kind.REPLAY_NOT_CONFIRMED, v.why().kind());
        assertEquals(List.of("s3:getobject", "", "", "", "approximated"), v.why().args());
        assertEquals("The check could not decide: the request found under the safe approximation (s3:getobject on "
                + "\"\" with no context keys) is not a counterexample when replayed (policy variables or mixed "
                + "condition operators are approximated).", v.message());
    }

    @Test
    void everyKindHasItsEnglishSentence() {
        for (UnknownReason.Kind k : UnknownReason.Kind.values()) {
            UnknownReason r = UnknownReason.of(k, "a", "b", "c", "d", "e");
            assertEquals(false, r.english().isBlank(), k.name());
        }
        assertEquals("the check reached its time limit (2000 ms)",
                UnknownReason.of(UnknownReason.Kind.TIME_LIMIT, 2000L).english());
        assertEquals("the request found under the safe approximation (s3:getobject on arn:aws:s3:::b/k for "
                + "anonymous with context {k=[v]}) is not a counterexample when replayed",
                UnknownReason.of(UnknownReason.Kind.REPLAY_NOT_CONFIRMED, "s3:getobject", "arn:aws:s3:::b/k",
                        "anonymous", "{k=[v]}", "").english());
    }
}
