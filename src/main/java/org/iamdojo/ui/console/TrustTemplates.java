package org.iamdojo.ui.console;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Trust policy starting points the console offers when creating a role.
 * Shapes: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user.html and
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-service.html
 */
final class TrustTemplates {
    private TrustTemplates() {
    }

    /** EC2 may assume the role (for an instance profile). */
    static String ec2() {
        ObjectNode st = statement();
        st.putObject("Principal").put("Service", "ec2.amazonaws.com");
        return wrap(st);
    }

    /** Another account may assume the role, optionally only with an external id and/or MFA. */
    static String account(String accountId, String externalId, boolean requireMfa) {
        ObjectNode st = statement();
        st.putObject("Principal").put("AWS", "arn:aws:iam::" + (accountId == null || accountId.isBlank()
                ? "123456789012" : accountId.strip()) + ":root");
        if ((externalId != null && !externalId.isBlank()) || requireMfa) {
            ObjectNode cond = st.putObject("Condition");
            if (externalId != null && !externalId.isBlank()) {
                cond.putObject("StringEquals").put("sts:ExternalId", externalId.strip());
            }
            if (requireMfa) {
                cond.putObject("Bool").put("aws:MultiFactorAuthPresent", "true");
            }
        }
        return wrap(st);
    }

    /** A skeleton to fill in. */
    static String custom() {
        ObjectNode st = statement();
        st.putObject("Principal").put("AWS", "arn:aws:iam::123456789012:user/example");
        return wrap(st);
    }

    private static ObjectNode statement() {
        ObjectNode st = PolicyJson.MAPPER.createObjectNode();
        st.put("Effect", "Allow");
        st.put("Action", "sts:AssumeRole");
        return st;
    }

    private static String wrap(ObjectNode st) {
        ObjectNode doc = PolicyJson.MAPPER.createObjectNode();
        doc.put("Version", "2012-10-17");
        doc.putArray("Statement").add(st);
        return PolicyJson.pretty(doc);
    }
}
