package org.iamdojo.iam.sts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.Caller;
import org.iamdojo.iam.account.CallerType;
import org.iamdojo.iam.account.IamRole;
import org.iamdojo.iam.account.IamUser;
import org.iamdojo.iam.account.MfaDevice;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.OperationContext;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.PolicyUse;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;
import org.iamdojo.iam.account.Secrets;
import org.iamdojo.iam.account.SessionKind;
import org.iamdojo.iam.account.TemporarySession;
import org.iamdojo.iam.account.Totp;

/**
 * The STS API of the sandbox: AssumeRole, GetCallerIdentity and GetSessionToken, issuing temporary
 * credentials (ASIA… id, secret, session token) whose secrets are stored only as hashes.
 * API: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
public final class StsOperations {
    static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\x21-\\x7E]*/)?([\\w+=,.@-]{1,64})");
    static final int MIN_DURATION = 900;
    static final int CHAINED_MAX = 3600;
    static final int SESSION_TOKEN_DEFAULT = 43_200;
    static final int SESSION_TOKEN_MAX = 129_600;
    static final int MAX_SESSION_TAGS = 50;
    /** AWS limits the packed session policy and tags; the plain-text policy limit is 2,048 characters. */
    static final int SESSION_POLICY_MAX = 2048;

    private StsOperations() {
    }

    /** Registers AssumeRole, GetCallerIdentity and GetSessionToken on a sandbox. */
    public static void registerAll(Sandbox sandbox) {
        sandbox.register(Operation.write("sts", "AssumeRole", StsOperations::assumeRoleAccess,
                StsOperations::assumeRole));
        // GetCallerIdentity needs no permission: "No permissions are required to perform this operation."
        // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
        sandbox.register(Operation.read("sts", "GetCallerIdentity", (c, p) -> List.of(),
                StsOperations::getCallerIdentity));
        sandbox.register(Operation.write("sts", "GetSessionToken", StsOperations::sessionTokenAccess,
                StsOperations::getSessionToken));
    }

    // ---- AssumeRole ----------------------------------------------------------------------------

    private static List<AccessRequest> assumeRoleAccess(OperationContext c, Params p) {
        String roleArn = p.required("RoleArn");
        String sessionName = p.required("RoleSessionName");
        checkSessionName(sessionName);
        var m = ROLE_ARN.matcher(roleArn);
        if (!m.matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + roleArn
                    + "' at 'roleArn' failed to satisfy constraint: Member must be a valid role ARN");
        }
        String roleAccount = m.group(1);
        IamRole role = assumableRole(c.sandbox(), roleArn);
        // A missing role leaves no trust policy, so the engine denies as AWS does (AccessDenied, not NoSuchEntity).
        String trust = role == null ? null : role.trustPolicy();
        Map<String, List<String>> ctx = new LinkedHashMap<>();
        ctx.put("sts:RoleSessionName", List.of(sessionName));
        String externalId = p.optional("ExternalId");
        if (externalId != null) {
            if (externalId.length() < 2 || externalId.length() > 1224) {
                throw AwsException.validation("1 validation error detected: Value at 'externalId' failed to satisfy "
                        + "constraint: Member must have length between 2 and 1224");
            }
            ctx.put("sts:ExternalId", List.of(externalId));
        }
        if (verifyMfa(c, p)) {
            ctx.put("aws:MultiFactorAuthPresent", List.of("true"));
            ctx.put("aws:MultiFactorAuthAge", List.of("0"));
        }
        String sourceIdentity = p.optional("SourceIdentity");
        if (sourceIdentity != null) {
            ctx.put("sts:SourceIdentity", List.of(sourceIdentity));
        }
        Map<String, String> tags = sessionTags(p);
        tags.forEach((k, v) -> ctx.put("aws:RequestTag/" + k, List.of(v)));
        if (!tags.isEmpty()) {
            ctx.put("aws:TagKeys", List.copyOf(tags.keySet()));
        }
        String policy = p.optional("Policy");
        if (policy != null) {
            if (policy.length() > SESSION_POLICY_MAX) {
                throw new AwsException("PackedPolicyTooLarge", 400,
                        "Packed size of the session policy exceeds the limit");
            }
            c.sandbox().checkPolicy(policy, PolicyUse.MANAGED);
        }
        Integer duration = p.integer("DurationSeconds");
        if (duration != null && duration < MIN_DURATION) {
            throw AwsException.validation("1 validation error detected: Value '" + duration + "' at 'durationSeconds' "
                    + "failed to satisfy constraint: Member must have value greater than or equal to " + MIN_DURATION);
        }
        Map<String, List<String>> frozen = Map.copyOf(ctx);
        List<AccessRequest> needs = new ArrayList<>();
        needs.add(new AccessRequest("sts:AssumeRole", roleArn, roleAccount, trust, frozen));
        // Session tags and a source identity need their own permission in the trust policy (and identity policy).
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
        if (!tags.isEmpty()) {
            needs.add(new AccessRequest("sts:TagSession", roleArn, roleAccount, trust, frozen));
        }
        if (sourceIdentity != null) {
            needs.add(new AccessRequest("sts:SetSourceIdentity", roleArn, roleAccount, trust, frozen));
        }
        return needs;
    }

    private static ObjectNode assumeRole(OperationContext c, Params p) {
        String roleArn = p.required("RoleArn");
        IamRole role = assumableRole(c.sandbox(), roleArn);
        if (role == null) {
            throw new AwsException("AccessDenied", 403, "User: " + c.caller().arn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        String roleAccount = ROLE_ARN.matcher(roleArn).replaceFirst("$1");
        Caller caller = c.caller();
        boolean chained = caller.session() != null && caller.session().kind() == SessionKind.ASSUMED_ROLE;
        Integer asked = p.integer("DurationSeconds");
        int duration = asked == null ? 3600 : asked;
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
        if (chained && duration > CHAINED_MAX) {
            throw AwsException.validation("The requested DurationSeconds exceeds the 1 hour session limit "
                    + "for roles assumed by role chaining.");
        }
        if (duration > role.maxSessionDurationSeconds()) {
            throw AwsException.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        boolean mfa = verifyMfa(c, p);
        String sessionName = p.required("RoleSessionName");
        Instant expiration = c.now().plusSeconds(duration);
        String keyId = c.ids().uniqueId("ASIA", 20);
        String secret = c.ids().secret(40);
        String token = sessionToken(c);
        Map<String, String> tags = sessionTags(p);
        TemporarySession session = new TemporarySession(keyId, Secrets.hashSecret(secret), Secrets.hashSecret(token),
                expiration, SessionKind.ASSUMED_ROLE, roleAccount, role.name(), role.arn(), sessionName, p.optional("Policy"),
                Map.copyOf(tags), mfa, chained, p.optional("SourceIdentity"), c.now());
        c.sandbox().addSession(session);
        c.sandbox().keepSigningSecret(keyId, secret);
        ObjectNode out = c.object();
        credentialsJson(out, keyId, secret, token, expiration);
        ObjectNode user = out.putObject("AssumedRoleUser");
        user.put("AssumedRoleId", role.id() + ":" + sessionName);
        user.put("Arn", session.principalArn());
        if (p.optional("Policy") != null || !tags.isEmpty()) {
            int size = (int) Math.min(100, Math.round(100.0 * (lengthOf(p.optional("Policy")) + tagsLength(tags))
                    / SESSION_POLICY_MAX));
            out.put("PackedPolicySize", size);
        }
        if (session.sourceIdentity() != null) {
            out.put("SourceIdentity", session.sourceIdentity());
        }
        return out;
    }

    // ---- GetCallerIdentity ---------------------------------------------------------------------

    private static ObjectNode getCallerIdentity(OperationContext c, Params p) {
        Caller caller = c.caller();
        ObjectNode out = c.object();
        out.put("UserId", caller.principalId());
        out.put("Account", caller.accountId());
        out.put("Arn", caller.arn());
        return out;
    }

    // ---- GetSessionToken -----------------------------------------------------------------------

    private static List<AccessRequest> sessionTokenAccess(OperationContext c, Params p) {
        Caller caller = c.caller();
        if (caller.session() != null) {
            throw new AwsException("AccessDenied", 403, "Cannot call GetSessionToken with session credentials");
        }
        if (caller.type() != CallerType.IAM_USER) {
            throw new AwsException("AccessDenied", 403, "User: " + caller.arn()
                    + " is not authorized to perform: sts:GetSessionToken: the sandbox issues session tokens to IAM users");
        }
        Integer duration = p.integer("DurationSeconds");
        if (duration != null && (duration < MIN_DURATION || duration > SESSION_TOKEN_MAX)) {
            throw AwsException.validation("1 validation error detected: Value '" + duration + "' at 'durationSeconds' "
                    + "failed to satisfy constraint: Member must have value between " + MIN_DURATION + " and "
                    + SESSION_TOKEN_MAX);
        }
        verifyMfa(c, p);
        // AWS does not check GetSessionToken against identity policies: any IAM user may call it.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getsessiontoken.html
        return List.of();
    }

    private static ObjectNode getSessionToken(OperationContext c, Params p) {
        Caller caller = c.caller();
        IamUser user = c.account().user(caller.userName());
        boolean mfa = verifyMfa(c, p);
        Integer asked = p.integer("DurationSeconds");
        int duration = asked == null ? SESSION_TOKEN_DEFAULT : asked;
        Instant expiration = c.now().plusSeconds(duration);
        String keyId = c.ids().uniqueId("ASIA", 20);
        String secret = c.ids().secret(40);
        String token = sessionToken(c);
        TemporarySession session = new TemporarySession(keyId, Secrets.hashSecret(secret), Secrets.hashSecret(token),
                expiration, SessionKind.SESSION_TOKEN, c.accountId(), user.name(), user.arn(), null, null, Map.of(), mfa, false,
                null, c.now());
        c.sandbox().addSession(session);
        c.sandbox().keepSigningSecret(keyId, secret);
        ObjectNode out = c.object();
        credentialsJson(out, keyId, secret, token, expiration);
        return out;
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * The role that AssumeRole can reach, or null: a role in a closed account is not, since the account's resources
     * "won't be available" after closure.
     * https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html
     */
    private static IamRole assumableRole(Sandbox sandbox, String roleArn) {
        IamRole role = findRole(sandbox, roleArn);
        SandboxAccount account = role == null ? null : sandbox.account(ROLE_ARN.matcher(roleArn).replaceFirst("$1"));
        return account == null || account.closed() ? null : role;
    }

    /** The role an ARN names in any account of the sandbox, or null. */
    public static IamRole findRole(Sandbox sandbox, String roleArn) {
        var m = ROLE_ARN.matcher(roleArn);
        if (!m.matches()) {
            return null;
        }
        SandboxAccount account = sandbox.account(m.group(1));
        IamRole role = account == null ? null : account.role(m.group(2));
        return role != null && role.arn().equals(roleArn) ? role : null;
    }

    /**
     * Checks SerialNumber + TokenCode against the caller's enabled MFA device; true when MFA was given and valid.
     * AWS's answer to a wrong code: "MultiFactorAuthentication failed with invalid MFA one time pass code."
     */
    private static boolean verifyMfa(OperationContext c, Params p) {
        String serial = p.optional("SerialNumber");
        String code = p.optional("TokenCode");
        if (serial == null && code == null) {
            return false;
        }
        if (serial == null || code == null) {
            throw AwsException.validation("SerialNumber and TokenCode must be given together");
        }
        if (!code.matches("\\d{6}")) {
            throw AwsException.validation("1 validation error detected: Value at 'tokenCode' failed to satisfy "
                    + "constraint: Member must satisfy regular expression pattern: [\\d]*");
        }
        MfaDevice device = callerMfaDevice(c);
        if (device == null || !device.serialNumber().equals(serial)
                || !Totp.verify(device.base32Secret(), code, c.now())) {
            throw new AwsException("AccessDenied", 403,
                    "MultiFactorAuthentication failed with invalid MFA one time pass code. ");
        }
        return true;
    }

    private static MfaDevice callerMfaDevice(OperationContext c) {
        Caller caller = c.caller();
        if (c.account() == null) {
            return null;
        }
        if (caller.type() == CallerType.IAM_USER && caller.userName() != null) {
            IamUser user = c.account().user(caller.userName());
            return user == null ? null : user.mfaDevice();
        }
        return caller.isRoot() ? c.account().root().mfaDevice() : null;
    }

    private static Map<String, String> sessionTags(Params p) {
        Map<String, String> tags = p.tags("Tags");
        if (tags.size() > MAX_SESSION_TAGS) {
            throw AwsException.validation("1 validation error detected: Value at 'tags' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_SESSION_TAGS);
        }
        tags.forEach((k, v) -> {
            if (k.isEmpty() || k.length() > 128 || v.length() > 256) {
                throw AwsException.validation("Session tag keys have 1 to 128 characters and values up to 256: " + k);
            }
        });
        return tags;
    }

    private static void checkSessionName(String name) {
        if (!SESSION_NAME.matcher(name).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + name + "' at 'roleSessionName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"
                    + (name.length() < 2 || name.length() > 64 ? " and have length between 2 and 64" : ""));
        }
    }

    private static String sessionToken(OperationContext c) {
        return "IQoJb3JpZ2luX2VjE" + c.ids().secret(340);
    }

    private static void credentialsJson(ObjectNode out, String keyId, String secret, String token, Instant expiration) {
        ObjectNode creds = out.putObject("Credentials");
        creds.put("AccessKeyId", keyId);
        creds.put("SecretAccessKey", secret);
        creds.put("SessionToken", token);
        creds.put("Expiration", expiration.toString());
    }

    private static int lengthOf(String s) {
        return s == null ? 0 : s.length();
    }

    private static int tagsLength(Map<String, String> tags) {
        return tags.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
    }
}
