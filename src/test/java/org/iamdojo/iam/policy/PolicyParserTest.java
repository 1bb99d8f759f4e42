package org.iamdojo.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of policy grammar per https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html */
class PolicyParserTest {

    @Test
    void statementAsSingleObjectAndStringValues() throws Exception {
        PolicyDocument d = PolicyParser.parse("""
                {"Version":"2012-10-17","Id":"p1","Statement":{"Sid":"S","Effect":"Allow",
                 "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}""");
        assertEquals("2012-10-17", d.version());
        assertEquals("p1", d.id());
        assertFalse(d.statementIsArray());
        Statement s = d.statements().get(0);
        assertEquals(Effect.ALLOW, s.effect());
        assertEquals(List.of("s3:GetObject"), s.actions());
        assertNull(s.notActions());
        assertTrue(d.supportsPolicyVariables());
    }

    @Test
    void principalsConditionsAndLocations() throws Exception {
        PolicyDocument d = PolicyParser.parse("""
                {"Statement":[
                  {"Effect":"Deny","Principal":"*","NotAction":["s3:*"],"NotResource":"*"},
                  {"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::111122223333:root"],
                   "Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*",
                   "Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":3600},"Bool":{"aws:SecureTransport":true}}}
                ]}""");
        assertNull(d.version());
        assertFalse(d.supportsPolicyVariables());
        assertTrue(d.statements().get(0).principal().wildcard());
        Statement s = d.statements().get(1);
        assertEquals(List.of("123456789012", "arn:aws:iam::111122223333:root"), s.principal().valuesOf("AWS"));
        assertEquals(List.of("ec2.amazonaws.com"), s.principal().valuesOf("Service"));
        assertEquals(List.of("3600"), s.conditions().get(0).values());
        assertEquals(List.of("true"), s.conditions().get(1).values());
        assertEquals(3, s.location().line());
        assertTrue(s.elementLocations().containsKey("Condition"));
    }

    @Test
    void lintLevelProblemsAreKeptForTheValidator() throws Exception {
        PolicyDocument d = PolicyParser.parse("""
                {"Version":"2012-10-17","Foo":1,"Statement":[{"Effect":"allow","Action":"s3:*","NotAction":"x:y","Bar":[]}]}""");
        Statement s = d.statements().get(0);
        assertNull(s.effect());
        assertEquals("allow", s.effectText());
        assertTrue(s.elementLocations().containsKey("Bar"));
        assertTrue(d.elementLocations().containsKey("Foo"));
    }

    @Test
    void malformedJsonCarriesLineAndColumn() {
        PolicyParseException e = assertThrows(PolicyParseException.class,
                () -> PolicyParser.parse("{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",, }\n  ]\n}"));
        assertEquals(3, e.line());
        assertTrue(e.column() > 1);
    }

    @Test
    void wrongShapesAreRejected() {
        assertThrows(PolicyParseException.class, () -> PolicyParser.parse("[]"));
        assertThrows(PolicyParseException.class, () -> PolicyParser.parse("{\"Statement\":\"x\"}"));
        assertThrows(PolicyParseException.class,
                () -> PolicyParser.parse("{\"Statement\":[{\"Action\":{\"a\":1}}]}"));
        assertThrows(PolicyParseException.class,
                () -> PolicyParser.parse("{\"Statement\":[{\"Principal\":\"someone\"}]}"));
        assertThrows(PolicyParseException.class,
                () -> PolicyParser.parse("{\"Statement\":[{\"Condition\":{\"StringEquals\":\"x\"}}]}"));
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> PolicyParser.parse("{} {}"));
        assertEquals(1, e.line());
    }
}
