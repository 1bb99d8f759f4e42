package org.iamdojo.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The glob matcher against a dynamic-programming model of IAM wildcards ('*' any run, '?' one character:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html), and its cost on
 * adversarial input, which must stay linear-ish rather than input × pattern.
 */
class GlobTest {

    @Provide
    Arbitrary<String> pattern() {
        return Arbitraries.strings().withChars("ab*?").ofMinLength(0).ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("abc").ofMinLength(0).ofMaxLength(150);
    }

    @Property(tries = 3000)
    void agreesWithTheModel(@ForAll("pattern") String pattern, @ForAll("text") String text) {
        assertEquals(model(pattern, text), Glob.compile(pattern, false).matches(text),
                () -> "pattern " + pattern + " on " + text);
    }

    @Property(tries = 1000)
    void agreesOnASubRange(@ForAll("pattern") String pattern, @ForAll("text") String text) {
        String padded = "ab" + text + "ba";
        assertEquals(model(pattern, text),
                Glob.compile(pattern, false).matches(padded, 2, padded.length() - 2));
    }

    @Test
    void longPartsWithQuestionMarksSpanSeveralBlocks() {
        String part = "x".repeat(70) + "?" + "y".repeat(70);
        Glob g = Glob.compile("*" + part + "*", false);
        assertTrue(g.matches("zz" + "x".repeat(70) + "q" + "y".repeat(70) + "zz"));
        assertTrue(g.matches("x".repeat(75) + "q" + "y".repeat(70)));
        assertFalse(g.matches("zz" + "x".repeat(70) + "y".repeat(70) + "zz"));
        assertFalse(g.matches("x".repeat(70) + "q" + "y".repeat(69) + "z"));
    }

    @Test
    void caseInsensitiveGlobsLowerCaseThePattern() {
        assertTrue(Glob.compile("S3:*Object?", true).matches("s3:getobjects"));
        assertFalse(Glob.compile("S3:*Object?", true).matches("s3:getobject"));
    }

    @Test
    void adversarialInputStaysFast() {
        // A megabyte of 'a' against thousands of "*a" parts ending in a 'b' it never finds: backtracking to the
        // last star costs input × pattern (billions of steps); the part-by-part search is one pass per part.
        String text = "a".repeat(1 << 20);
        String starry = "*a".repeat(1500) + "*b";
        String wild = "*" + "a?".repeat(1500) + "b*";
        String literal = "*" + "a".repeat(3000) + "b*";
        // Correctness only: how fast is measured by the JMH benchmark (README), never timed in a unit test.
        assertFalse(Glob.compile(starry, false).matches(text));
        assertFalse(Glob.compile(wild, false).matches(text));
        assertFalse(Glob.compile(literal, false).matches(text));
        assertTrue(Glob.compile(starry.substring(0, starry.length() - 1) + "a", false).matches(text));
    }

    /** Plain O(n·m) table: reach[i][j] when pattern[0, i) matches text[0, j). */
    private static boolean model(String glob, String text) {
        boolean[][] reach = new boolean[glob.length() + 1][text.length() + 1];
        reach[0][0] = true;
        for (int i = 1; i <= glob.length(); i++) {
            char p = glob.charAt(i - 1);
            for (int j = 0; j <= text.length(); j++) {
                reach[i][j] = p == '*' ? reach[i - 1][j] || (j > 0 && reach[i][j - 1])
                        : j > 0 && reach[i - 1][j - 1] && (p == '?' || p == text.charAt(j - 1));
            }
        }
        return reach[glob.length()][text.length()];
    }
}
