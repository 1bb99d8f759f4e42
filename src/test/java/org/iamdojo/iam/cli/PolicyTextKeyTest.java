package org.iamdojo.iam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The policy cache key: the same text is the same key wherever it stands in a line; any other text is not. */
class PolicyTextKeyTest {
    @Test
    void sameTextSameKeyWhereverItStands() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        String line = "{\"identityPolicies\":[" + policy + "," + policy + "x]}";
        int first = line.indexOf(policy);
        int second = line.indexOf(policy, first + 1);
        PolicyTextKey a = PolicyTextKey.view(line, first, first + policy.length());
        PolicyTextKey b = PolicyTextKey.view(line, second, second + policy.length());
        PolicyTextKey whole = PolicyTextKey.view(policy, 0, policy.length());
        assertEquals(a, b);
        assertEquals(a, whole);
        assertEquals(a.hashCode(), whole.hashCode());
        assertEquals(a.owned(), b);
        assertEquals(policy, a.owned().text());
        assertEquals(policy, a.text());
    }

    @Test
    void otherTextOtherKey() {
        String line = "abcdefgh abcdefgi abcdefg";
        PolicyTextKey x = PolicyTextKey.view(line, 0, 8);
        assertNotEquals(x, PolicyTextKey.view(line, 9, 17));
        assertNotEquals(x, PolicyTextKey.view(line, 18, 25));
        assertNotEquals(x, PolicyTextKey.view(line, 0, 7));
        for (int n = 0; n < 9; n++) {
            // Every length, including the ones the four-lane loop leaves a remainder for.
            assertEquals(PolicyTextKey.view(line, 0, n), PolicyTextKey.view(line.substring(0, n), 0, n));
            assertEquals(PolicyTextKey.view(line, 0, n).hashCode(), PolicyTextKey.view(line.substring(0, n), 0, n).hashCode());
        }
    }
}
