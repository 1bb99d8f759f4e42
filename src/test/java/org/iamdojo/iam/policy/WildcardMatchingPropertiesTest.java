package org.iamdojo.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Wildcard and ARN matching properties. Action matching is case-insensitive
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html); resource
 * wildcards work within ARN segments, '*' in the resource-id spans '/'
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 */
class WildcardMatchingPropertiesTest {

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().withChars("abcXYZ019/-_.:").ofMinLength(0).ofMaxLength(30);
    }

    @Property
    void literalPatternMatchesItself(@ForAll("plain") String s) {
        assertTrue(Glob.compile(s, false).matches(s));
    }

    @Property
    void literalPatternMatchesNothingElse(@ForAll("plain") String s, @ForAll("plain") String t) {
        assertEquals(s.equals(t), Glob.compile(s, false).matches(t));
    }

    @Property
    void starMatchesAnySuffixAndInfix(@ForAll("plain") String prefix, @ForAll("plain") String middle,
            @ForAll("plain") String suffix) {
        assertTrue(Glob.compile(prefix + "*", false).matches(prefix + middle));
        assertTrue(Glob.compile(prefix + "*" + suffix, false).matches(prefix + middle + suffix));
        assertTrue(Glob.compile("*", false).matches(middle));
    }

    @Property
    void questionMarkMatchesExactlyOneCharacter(@ForAll("plain") String prefix, @ForAll @AlphaChars char c,
            @ForAll("plain") String suffix) {
        Glob g = Glob.compile(prefix + "?" + suffix, false);
        assertTrue(g.matches(prefix + c + suffix));
        assertFalse(g.matches(prefix + suffix));
        assertFalse(g.matches(prefix + c + c + suffix));
    }

    @Property
    void actionMatchingIgnoresCase(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String name,
            @ForAll boolean upper) {
        Glob g = Glob.compile("s3:" + (upper ? name.toUpperCase(Locale.ROOT) : name), true);
        assertTrue(g.matches(("S3:" + name).toLowerCase(Locale.ROOT)));
        assertTrue(Glob.compile("S3:Get*", true).matches(("s3:get" + name).toLowerCase(Locale.ROOT)));
    }

    @Provide
    Arbitrary<String> resourceId() {
        return Arbitraries.strings().withChars("abc012/-_.:").ofMinLength(0).ofMaxLength(30);
    }

    @Property
    void literalArnMatchesItself(@ForAll("resourceId") String id, @ForAll @IntRange(min = 0, max = 999) int acct) {
        String arn = "arn:aws:iam::" + String.format("%012d", acct) + ":user/" + id;
        assertTrue(ArnPattern.compile(arn).matches(ArnTarget.of(arn)));
    }

    @Property
    void starInResourceIdSpansSlashesAndColons(@ForAll("resourceId") String id) {
        ArnPattern p = ArnPattern.compile("arn:aws:s3:::bucket/*");
        assertTrue(p.matches(ArnTarget.of("arn:aws:s3:::bucket/" + id)));
        assertFalse(p.matches(ArnTarget.of("arn:aws:s3:::other/" + id)));
    }

    @Property
    void questionMarkInArnMatchesOneCharacter(@ForAll @AlphaChars char c) {
        ArnPattern p = ArnPattern.compile("arn:aws:s3:::bucket-?");
        assertTrue(p.matches(ArnTarget.of("arn:aws:s3:::bucket-" + c)));
        assertFalse(p.matches(ArnTarget.of("arn:aws:s3:::bucket-" + c + c)));
    }

    @Property
    void resourceMatchingIsCaseSensitive(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String upper = name.toUpperCase(Locale.ROOT);
        ArnPattern p = ArnPattern.compile("arn:aws:iam::123456789012:user/" + lower);
        assertEquals(lower.equals(upper), p.matches(ArnTarget.of("arn:aws:iam::123456789012:user/" + upper)));
    }

    @Test
    void wildcardInsideASegmentDoesNotCrossColons() {
        ArnPattern p = ArnPattern.compile("arn:aws:ec2:us-*:123456789012:instance/*");
        assertTrue(p.matches(ArnTarget.of("arn:aws:ec2:us-east-1:123456789012:instance/i-1")));
        assertFalse(p.matches(ArnTarget.of("arn:aws:ec2:eu-west-1:123456789012:instance/i-1")));
        ArnPattern acct = ArnPattern.compile("arn:aws:iam::*:user/bob");
        assertTrue(acct.matches(ArnTarget.of("arn:aws:iam::123456789012:user/bob")));
        assertFalse(acct.matches(ArnTarget.of("arn:aws:iam::123456789012:user/alice")));
    }

    @Test
    void trailingStarOfAShortPatternExpandsBeyondColons() {
        assertTrue(ArnPattern.compile("arn:aws:ec2:*").matches(
                ArnTarget.of("arn:aws:ec2:us-east-1:123456789012:instance/i-1")));
        assertFalse(ArnPattern.compile("arn:aws:ec2:us-east-1").matches(
                ArnTarget.of("arn:aws:ec2:us-east-1:123456789012:instance/i-1")));
        assertTrue(ArnPattern.compile("*").matches(ArnTarget.of("anything")));
    }

    @Test
    void documentedS3ExampleFromTheResourcePage() {
        ArnPattern p = ArnPattern.compile("arn:aws:s3:::amzn-s3-demo-bucket/*/test/*");
        for (String ok : new String[] {"1/test/object.jpg", "1/2/test/object.jpg", "1/2/test/3/object.jpg",
                "1///test///object.jpg", "1/test/.jpg", "/test/object.jpg", "1/test/"}) {
            assertTrue(p.matches(ArnTarget.of("arn:aws:s3:::amzn-s3-demo-bucket/" + ok)), ok);
        }
        assertFalse(p.matches(ArnTarget.of("arn:aws:s3:::amzn-s3-demo-bucket/1-test/object.jpg")));
        assertFalse(p.matches(ArnTarget.of("arn:aws:s3:::amzn-s3-demo-bucket/test/object.jpg")));
    }
}
