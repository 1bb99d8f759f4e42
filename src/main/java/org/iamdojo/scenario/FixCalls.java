package org.iamdojo.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iamdojo.iam.analysis.SmallestFix;

/**
 * How a proved {@link SmallestFix.Suggestion} is applied: one ordinary sandbox call per changed policy, made as the
 * learner's acting identity so that it is authorized, logged, graded and replayed like any other call. Inline
 * policies are replaced with PutUserPolicy / PutGroupPolicy / PutRolePolicy, a customer managed policy gets a new
 * default version (CreatePolicyVersion with SetAsDefault,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html). AWS managed policies and
 * resource-based policies are not edited.
 */
public final class FixCalls {
    /** The ids the engine gives inline policies: {@code user/NAME inline policy POLICY}. */
    private static final Pattern INLINE = Pattern.compile("(user|group|role)/(.+) inline policy (.+)");
    private static final Pattern CUSTOMER_MANAGED = Pattern.compile("arn:aws:iam::\\d{12}:policy/.+");

    private FixCalls() {
    }

    /** True when a policy with this id can be changed by a call. */
    public static boolean editable(String policyId) {
        return INLINE.matcher(policyId).matches() || CUSTOMER_MANAGED.matcher(policyId).matches();
    }

    /** The call that puts {@code document} in place of the policy with this id. */
    public static GradeReport.FixCall call(String policyId, String document) {
        Matcher m = INLINE.matcher(policyId);
        Map<String, String> params = new LinkedHashMap<>();
        if (m.matches()) {
            String kind = m.group(1);
            String holder = switch (kind) {
                case "user" -> "UserName";
                case "group" -> "GroupName";
                default -> "RoleName";
            };
            params.put(holder, m.group(2));
            params.put("PolicyName", m.group(3));
            params.put("PolicyDocument", document);
            String operation = "Put" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "Policy";
            return new GradeReport.FixCall("iam", operation, params);
        }
        if (CUSTOMER_MANAGED.matcher(policyId).matches()) {
            params.put("PolicyArn", policyId);
            params.put("PolicyDocument", document);
            params.put("SetAsDefault", "true");
            return new GradeReport.FixCall("iam", "CreatePolicyVersion", params);
        }
        throw new IllegalArgumentException("Policy " + policyId + " cannot be changed by a call");
    }

    /** The suggestion as the grade report shows it: the changes, and the calls that apply them. */
    public static GradeReport.Fix of(SmallestFix.Suggestion s) {
        if (!s.found()) {
            return new GradeReport.Fix(List.of(), List.of(), Text.both(s.message()));
        }
        List<GradeReport.FixCall> calls = new ArrayList<>();
        Map<String, Integer> callOf = new HashMap<>();
        s.documents().keySet().stream().sorted().forEach(id -> {
            callOf.put(id, calls.size());
            calls.add(call(id, s.documents().get(id)));
        });
        List<GradeReport.FixChange> changes = new ArrayList<>();
        for (SmallestFix.Change c : s.changes()) {
            changes.add(new GradeReport.FixChange(callOf.get(c.policyId()), c.statementIndex() + 1, c.statementId(),
                    c.kind().name(), c.before(), c.after()));
        }
        return new GradeReport.Fix(changes, calls, Text.both(s.message()));
    }
}
