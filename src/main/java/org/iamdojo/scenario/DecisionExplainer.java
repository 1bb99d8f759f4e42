package org.iamdojo.scenario;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iamdojo.i18n.Localized;
import org.iamdojo.i18n.Message;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.ConditionMiss;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.EvalDecision;
import org.iamdojo.iam.eval.MatchedStatement;
import org.iamdojo.iam.eval.MissReason;
import org.iamdojo.iam.eval.PolicyLayer;
import org.iamdojo.iam.eval.StatementMiss;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.Statement;

/**
 * Turns an engine Decision into sentences a learner can act on: which policy decided, and for a denial, which
 * element of the nearest policy failed ("the group policy ReadReports matches the action but its Resource
 * arn:aws:s3:::report/* does not match"). The sentences are {@link Message}s ({@code explain.*} keys of the
 * translation files), put into words in the reader's language when shown.
 * Evaluation logic: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
public final class DecisionExplainer {
    /** How the engine names an SCP in a trace: "SCP level 1 #2". */
    private static final Pattern SCP_ID = Pattern.compile("(SCP|RCP) level (\\d+) #(\\d+)");
    private static final Pattern INLINE_ID = Pattern.compile("(user|group|role)/(.+) inline policy (.+)");
    private static final int MAX_REASONS = 3;

    private DecisionExplainer() {
    }

    /**
     * Explains a decision.
     *
     * @param who the principal as the learner knows it, written to begin a sentence ("User alice", "Role AppRole")
     * @param policies the policies that took part, by the id the Decision uses
     * @param labels learner-facing names of policies by id (e.g. "the group policy ReadReports"); ids without
     *               a label are named from the id itself
     */
    public static Message explain(Localized who, String action, String resource, Decision decision,
                                  Map<String, CompiledPolicy> policies, Map<String, Message> labels) {
        Object on = resource == null || resource.equals("*") ? "" : Message.of("explain.on", resource);
        if (decision.decision() == EvalDecision.ALLOW) {
            MatchedStatement m = decision.matchedStatements().stream().filter(s -> s.effect() == Effect.ALLOW)
                    .findFirst().orElse(null);
            if (m == null) {
                return Message.of("explain.allowed", who, action, on);
            }
            return Message.of("explain.allowed.by", who, action, on, statementName(m.sid(), m.statementIndex()),
                    label(m.policyId(), labels));
        }
        if (decision.decision() == EvalDecision.EXPLICIT_DENY) {
            MatchedStatement m = decision.matchedStatements().stream().filter(s -> s.effect() == Effect.DENY)
                    .findFirst().orElse(null);
            Message why = m == null ? Message.of("explain.deny.unnamed")
                    : Message.of("explain.deny", statementName(m.sid(), m.statementIndex()), label(m.policyId(), labels));
            return Message.of("explain.denied", who, action, on, why);
        }
        PolicyLayer layer = decision.decidingLayer();
        if (layer == PolicyLayer.AWS_MANAGED) {
            return Message.of("explain.denied", who, action, on, Message.of("explain.aws-managed"));
        }
        Message reasons = null;
        int count = 0;
        for (StatementMiss miss : decision.notMatchedStatements()) {
            if (count >= MAX_REASONS) {
                break;
            }
            if (miss.effect() != Effect.ALLOW || miss.reason() == MissReason.ACTION || miss.reason() == MissReason.EFFECT) {
                continue;
            }
            if (layer != null && layer != PolicyLayer.ROOT_USER && miss.layer() != layer) {
                continue;
            }
            Message reason = nearMiss(miss, policies.get(miss.policyId()), label(miss.policyId(), labels));
            reasons = reasons == null ? reason : Message.of("explain.reasons.and", reasons, reason);
            count++;
        }
        if (reasons == null) {
            Message name = Message.of("explain.layer." + (layer == null ? PolicyLayer.IDENTITY : layer).name());
            return Message.of("explain.denied", who, action, on, Message.of("explain.no-allow", name, action));
        }
        return Message.of("explain.denied", who, action, on, Message.of("explain.reasons", reasons));
    }

    private static Message nearMiss(StatementMiss miss, CompiledPolicy policy, Message label) {
        Statement st = policy == null || miss.statementIndex() >= policy.document().statements().size() ? null
                : policy.document().statements().get(miss.statementIndex());
        switch (miss.reason()) {
            case RESOURCE -> {
                boolean not = st != null && st.notResources() != null;
                String values = st == null ? "" : String.join(", ", not ? st.notResources() : st.resources());
                return Message.of(not ? "explain.miss.not-resource" : "explain.miss.resource", label, values);
            }
            case CONDITION -> {
                ConditionMiss c = miss.condition();
                if (c == null) {
                    return Message.of("explain.miss.condition", label);
                }
                String cond = c.operator() + " " + c.key() + " " + c.policyValues();
                Message got = c.requestValues() == null ? Message.of("explain.request.no-value", c.key())
                        : Message.of("explain.request.value", String.valueOf(c.requestValues()));
                return Message.of("explain.miss.condition.named", label, cond, got);
            }
            case PRINCIPAL -> {
                return Message.of("explain.miss.principal", label);
            }
            default -> {
                return Message.of("explain.miss.other", label);
            }
        }
    }

    private static String statementName(String sid, int index) {
        return sid != null && !sid.isEmpty() ? sid : "#" + (index + 1);
    }

    /** A learner-facing name for a policy id as the sandbox evaluator writes them. */
    public static Message label(String id, Map<String, Message> labels) {
        Message given = labels.get(id);
        if (given != null) {
            return given;
        }
        Matcher inline = INLINE_ID.matcher(id);
        if (inline.matches()) {
            return Message.of("explain.label.inline." + inline.group(1), inline.group(2), inline.group(3));
        }
        if (id.startsWith("arn:aws:iam::aws:policy/")) {
            return Message.of("explain.label.aws-managed", id.substring(id.lastIndexOf('/') + 1));
        }
        if (id.startsWith("arn:aws:iam::") && id.contains(":policy/")) {
            return Message.of("explain.label.managed", id.substring(id.lastIndexOf('/') + 1));
        }
        if (id.startsWith("resource policy of arn:aws:s3:::")) {
            String bucket = id.substring("resource policy of arn:aws:s3:::".length()).split("/")[0];
            return Message.of("explain.label.bucket", bucket);
        }
        if (id.startsWith("resource policy of ")) {
            return Message.of("explain.label.resource", id.substring("resource policy of ".length()));
        }
        if (id.startsWith("trust policy of ")) {
            return Message.of("explain.label.trust", id.substring(id.lastIndexOf('/') + 1));
        }
        if (id.equals("session policy")) {
            return Message.of("explain.label.session");
        }
        Matcher scp = SCP_ID.matcher(id);
        if (scp.matches()) {
            return Message.of("explain.label.org-policy", scp.group(1), scp.group(2), scp.group(3));
        }
        return Message.of("explain.label.as-written", id);
    }
}
