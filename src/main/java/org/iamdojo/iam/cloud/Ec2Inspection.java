package org.iamdojo.iam.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iamdojo.iam.account.Sandbox;

/**
 * Checks on the simulated EC2 that graders use: long-term or temporary access keys written into user data,
 * the anti-pattern that instance profiles replace.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles
 */
public final class Ec2Inspection {
    static final Pattern KEY_ID = Pattern.compile("\\b((?:AKIA|ASIA)[A-Z0-9]{16})\\b");
    static final Pattern SECRET_LINE = Pattern.compile(
            "(?i)(aws_secret_access_key|secret_access_key|aws_session_token)\\s*[=:]\\s*\\S+");

    private Ec2Inspection() {
    }

    /** Every access key id (AKIA…/ASIA…) and secret key or session token line found in instances' user data. */
    public static List<UserDataFinding> accessKeysInUserData(Sandbox sandbox) {
        sandbox.lock().lock();
        try {
            List<UserDataFinding> out = new ArrayList<>();
            for (Ec2State.Instance i : Ec2Operations.state(sandbox).instances()) {
                if (i.userData() != null && !"terminated".equals(i.state())) {
                    out.addAll(accessKeysIn(i.instanceId(), i.accountId(), i.userData()));
                }
            }
            return out;
        } finally {
            sandbox.lock().unlock();
        }
    }

    /** The access key ids and secret key or session token lines in one instance's user data text. */
    public static List<UserDataFinding> accessKeysIn(String instanceId, String accountId, String userData) {
        List<UserDataFinding> out = new ArrayList<>();
        String[] lines = userData.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            Matcher m = KEY_ID.matcher(lines[n]);
            while (m.find()) {
                out.add(new UserDataFinding(instanceId, accountId, n + 1,
                        m.group(1).startsWith("AKIA") ? "AccessKeyId" : "TemporaryAccessKeyId", m.group(1)));
            }
            Matcher s = SECRET_LINE.matcher(lines[n]);
            if (s.find()) {
                out.add(new UserDataFinding(instanceId, accountId, n + 1,
                        s.group(1).toLowerCase().contains("token") ? "SessionToken" : "SecretAccessKey", s.group(1)));
            }
        }
        return out;
    }

    /**
     * A credential found in user data.
     *
     * @param kind AccessKeyId, TemporaryAccessKeyId, SecretAccessKey or SessionToken
     * @param evidence the key id, or the name of the setting (secrets are never repeated)
     */
    public record UserDataFinding(String instanceId, String accountId, int line, String kind, String evidence) {
    }
}
