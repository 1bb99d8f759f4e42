package org.iamdojo.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Turns an engine Decision into sentences a learner can act on, in English and Korean: which policy decided,
 * and for a denial, which element of the nearest policy failed ("the group policy ReadReports matches the
 * action but its Resource arn:aws:s3:::report/* does not match").
 * Evaluation logic: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
public final class DecisionExplainer {
    /** How the engine names an SCP in a trace: "SCP level 1 #2". */
    private static final Pattern SCP_ID = Pattern.compile("(SCP|RCP) level (\\d+) #(\\d+)");
    private static final int MAX_REASONS = 3;

    private DecisionExplainer() {
    }

    /**
     * Explains a decision.
     *
     * @param who the principal as the learner knows it, e.g. "alice" or "role AppRole"
     * @param policies the policies that took part, by the id the Decision uses
     * @param labels learner-facing names of policies by id (e.g. "the group policy ReadReports"); ids without
     *               a label are named from the id itself
     */
    public static Text explain(String who, String action, String resource, Decision decision,
                               Map<String, CompiledPolicy> policies, Map<String, Text> labels) {
        String on = resource == null || resource.equals("*") ? "" : " on " + resource;
        String onKo = resource == null || resource.equals("*") ? "" : " " + resource + "에 대해";
        if (decision.decision() == EvalDecision.ALLOW) {
            MatchedStatement m = decision.matchedStatements().stream().filter(s -> s.effect() == Effect.ALLOW)
                    .findFirst().orElse(null);
            if (m == null) {
                return new Text(who + " can " + action + on + ".", who + "은(는)" + onKo + " " + action + " 작업을 할 수 있습니다.");
            }
            Text label = label(m.policyId(), labels);
            return new Text(who + " can " + action + on + ": statement " + statementName(m.sid(), m.statementIndex())
                    + " of " + label.en() + " allows it.",
                    who + "은(는)" + onKo + " " + action + " 작업을 할 수 있습니다: " + label.ko() + "의 문 "
                            + statementName(m.sid(), m.statementIndex()) + "이(가) 허용합니다.");
        }
        String headEn = who + " cannot " + action + on + ": ";
        String headKo = who + "은(는)" + onKo + " " + action + " 작업을 할 수 없습니다: ";
        if (decision.decision() == EvalDecision.EXPLICIT_DENY) {
            MatchedStatement m = decision.matchedStatements().stream().filter(s -> s.effect() == Effect.DENY)
                    .findFirst().orElse(null);
            Text label = m == null ? new Text("a policy", "어떤 정책") : label(m.policyId(), labels);
            String st = m == null ? "" : statementName(m.sid(), m.statementIndex());
            return new Text(headEn + "the Deny statement " + st + " of " + label.en()
                    + " applies, and an explicit deny always wins over any Allow.",
                    headKo + label.ko() + "의 Deny 문 " + st + "이(가) 적용되며, 명시적 거부는 어떤 허용보다도 우선합니다.");
        }
        PolicyLayer layer = decision.decidingLayer();
        if (layer == PolicyLayer.AWS_MANAGED) {
            return new Text(headEn + "AWS manages this resource (an AWS managed policy, a service-linked role or an "
                    + "AWS managed key), and no policy of the account can allow changing it.",
                    headKo + "이 리소스는 AWS가 관리하므로(AWS 관리형 정책, 서비스 연결 역할, AWS 관리형 키) 계정의 어떤 정책도 "
                            + "변경을 허용할 수 없습니다.");
        }
        List<Text> reasons = new ArrayList<>();
        for (StatementMiss miss : decision.notMatchedStatements()) {
            if (reasons.size() >= MAX_REASONS) {
                break;
            }
            if (miss.effect() != Effect.ALLOW || miss.reason() == MissReason.ACTION || miss.reason() == MissReason.EFFECT) {
                continue;
            }
            if (layer != null && layer != PolicyLayer.ROOT_USER && miss.layer() != layer) {
                continue;
            }
            reasons.add(nearMiss(miss, policies.get(miss.policyId()), label(miss.policyId(), labels)));
        }
        if (reasons.isEmpty()) {
            String name = layer == null ? PolicyLayer.IDENTITY.awsName() : layer.awsName();
            return new Text(headEn + "no " + name + " allows the " + action + " action.",
                    headKo + action + " 작업을 허용하는 " + koLayer(layer) + "이(가) 없습니다.");
        }
        StringBuilder en = new StringBuilder(headEn);
        StringBuilder ko = new StringBuilder(headKo);
        for (int i = 0; i < reasons.size(); i++) {
            en.append(i == 0 ? "" : "; ").append(reasons.get(i).en());
            ko.append(i == 0 ? "" : " 또한 ").append(reasons.get(i).ko());
        }
        en.append('.');
        return new Text(en.toString(), ko.toString());
    }

    private static Text nearMiss(StatementMiss miss, CompiledPolicy policy, Text label) {
        Statement st = policy == null || miss.statementIndex() >= policy.document().statements().size() ? null
                : policy.document().statements().get(miss.statementIndex());
        switch (miss.reason()) {
            case RESOURCE -> {
                boolean not = st != null && st.notResources() != null;
                String values = st == null ? "" : " " + String.join(", ", not ? st.notResources() : st.resources());
                return not
                        ? new Text(label.en() + " matches the action but its NotResource" + values + " excludes the resource",
                                label.ko() + "에서는 작업은 일치하지만 NotResource 요소(" + values.trim() + ")가 이 리소스를 제외합니다.")
                        : new Text(label.en() + " matches the action but its Resource" + values + " does not match",
                                label.ko() + "에서는 작업은 일치하지만 Resource 요소(" + values.trim() + ")가 요청한 리소스와 일치하지 않습니다.");
            }
            case CONDITION -> {
                ConditionMiss c = miss.condition();
                if (c == null) {
                    return new Text(label.en() + " matches the action and resource but its Condition is not met",
                            label.ko() + "에서는 작업과 리소스는 일치하지만 Condition이 충족되지 않습니다.");
                }
                String cond = c.operator() + " " + c.key() + " " + c.policyValues();
                String got = c.requestValues() == null ? "the request has no " + c.key()
                        : "the request has " + c.requestValues();
                String gotKo = c.requestValues() == null ? "요청에 " + c.key() + " 값이 없습니다"
                        : "요청 값은 " + c.requestValues() + "입니다";
                return new Text(label.en() + " matches the action and resource but its condition " + cond
                        + " is not met (" + got + ")",
                        label.ko() + "에서는 작업과 리소스는 일치하지만 조건 " + cond + "이(가) 충족되지 않습니다(" + gotKo + ").");
            }
            case PRINCIPAL -> {
                return new Text(label.en() + " matches the action but its Principal does not name this caller",
                        label.ko() + "에서는 작업은 일치하지만 Principal 요소에 이 호출자가 없습니다.");
            }
            default -> {
                return new Text(label.en() + " does not apply", label.ko() + "은(는) 적용되지 않습니다.");
            }
        }
    }

    private static String koLayer(PolicyLayer layer) {
        if (layer == null) {
            return "자격 증명 기반 정책";
        }
        return switch (layer) {
            case SCP -> "서비스 제어 정책(SCP)";
            case RCP -> "리소스 제어 정책(RCP)";
            case RESOURCE_POLICY -> "리소스 기반 정책";
            case PERMISSIONS_BOUNDARY -> "권한 경계";
            case SESSION_POLICY -> "세션 정책";
            default -> "자격 증명 기반 정책";
        };
    }

    private static String statementName(String sid, int index) {
        return sid != null && !sid.isEmpty() ? sid : "#" + (index + 1);
    }

    /** A learner-facing name for a policy id as the sandbox evaluator writes them. */
    public static Text label(String id, Map<String, Text> labels) {
        Text given = labels.get(id);
        if (given != null) {
            return given;
        }
        Matcher inline = Pattern.compile("(user|group|role)/(.+) inline policy (.+)").matcher(id);
        if (inline.matches()) {
            String kind = inline.group(1);
            String kindKo = switch (kind) {
                case "user" -> "사용자";
                case "group" -> "그룹";
                default -> "역할";
            };
            return new Text("the inline policy " + inline.group(3) + " of " + kind + " " + inline.group(2),
                    kindKo + " " + inline.group(2) + "의 인라인 정책 " + inline.group(3));
        }
        if (id.startsWith("arn:aws:iam::aws:policy/")) {
            String name = id.substring(id.lastIndexOf('/') + 1);
            return new Text("the AWS managed policy " + name, "AWS 관리형 정책 " + name);
        }
        if (id.startsWith("arn:aws:iam::") && id.contains(":policy/")) {
            String name = id.substring(id.lastIndexOf('/') + 1);
            return new Text("the managed policy " + name, "관리형 정책 " + name);
        }
        if (id.startsWith("resource policy of arn:aws:s3:::")) {
            String bucket = id.substring("resource policy of arn:aws:s3:::".length()).split("/")[0];
            return new Text("the bucket policy of " + bucket, "버킷 " + bucket + "의 버킷 정책");
        }
        if (id.startsWith("resource policy of ")) {
            String resource = id.substring("resource policy of ".length());
            return new Text("the resource-based policy of " + resource, resource + "의 리소스 기반 정책");
        }
        if (id.startsWith("trust policy of ")) {
            String role = id.substring(id.lastIndexOf('/') + 1);
            return new Text("the trust policy of role " + role, "역할 " + role + "의 신뢰 정책");
        }
        if (id.equals("session policy")) {
            return new Text("the session policy", "세션 정책");
        }
        Matcher scp = SCP_ID.matcher(id);
        if (scp.matches()) {
            return new Text(scp.group(1) + " #" + scp.group(3) + " at organization level " + scp.group(2),
                    "조직 수준 " + scp.group(2) + "의 " + scp.group(1) + " #" + scp.group(3));
        }
        return Text.both(id);
    }
}
