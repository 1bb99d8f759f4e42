package org.iamdojo.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A declarative check on the sandbox state, chosen by {@code kind} in the scenario file. Every check has a
 * learner-facing title, points, and an optional failure text that the grader puts before the explanation it
 * builds from the engine's trace. Principals are written {@code root}, {@code user NAME} or {@code role NAME},
 * in the account given by {@code account} (default: the home account); access checks also take
 * {@code anonymous} (an unauthenticated request) and {@code service NAME} (an AWS service principal such as
 * cloudtrail.amazonaws.com, with its aws:SourceArn / aws:SourceAccount in {@code context}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Check.Allowed.class, name = "allowed"),
        @JsonSubTypes.Type(value = Check.Denied.class, name = "denied"),
        @JsonSubTypes.Type(value = Check.PermissionsWithin.class, name = "permissionsWithin"),
        @JsonSubTypes.Type(value = Check.Entity.class, name = "entity"),
        @JsonSubTypes.Type(value = Check.Membership.class, name = "membership"),
        @JsonSubTypes.Type(value = Check.NoUserPolicies.class, name = "noUserPolicies"),
        @JsonSubTypes.Type(value = Check.RootSecured.class, name = "rootSecured"),
        @JsonSubTypes.Type(value = Check.UserCredentials.class, name = "userCredentials"),
        @JsonSubTypes.Type(value = Check.NoConsoleAndKeys.class, name = "noConsoleAndKeys"),
        @JsonSubTypes.Type(value = Check.RoleTrust.class, name = "roleTrust"),
        @JsonSubTypes.Type(value = Check.InstanceRole.class, name = "instanceRole"),
        @JsonSubTypes.Type(value = Check.NoKeysInUserData.class, name = "noKeysInUserData"),
        @JsonSubTypes.Type(value = Check.Trail.class, name = "trail"),
        @JsonSubTypes.Type(value = Check.CallFailed.class, name = "callFailed"),
        @JsonSubTypes.Type(value = Check.MaxSessionDuration.class, name = "maxSessionDuration"),
        @JsonSubTypes.Type(value = Check.PasswordPolicy.class, name = "passwordPolicy"),
        @JsonSubTypes.Type(value = Check.NoEscalationPath.class, name = "noEscalationPath"),
        @JsonSubTypes.Type(value = Check.NoPublicAccess.class, name = "noPublicAccess")
})
public sealed interface Check {

    /** What the check verifies, for the learner. */
    Text title();

    /** The points it is worth. */
    int points();

    /** Extra words for the learner when it fails, or null. */
    Text failure();

    /** An action on a resource, with request context keys (e.g. sts:ExternalId, aws:MultiFactorAuthPresent). */
    record Access(String action, String resource, Map<String, List<String>> context) {
        /** Replaces an absent context with none. */
        public Access {
            context = context == null ? Map.of() : Map.copyOf(context);
        }
    }

    /** The principal may perform the action on the resource. */
    record Allowed(Text title, int points, Text failure, String principal, String account, String action,
                   String resource, Map<String, List<String>> context) implements Check {
    }

    /** The principal may not perform the action on the resource. */
    record Denied(Text title, int points, Text failure, String principal, String account, String action,
                  String resource, Map<String, List<String>> context) implements Check {
    }

    /**
     * Least privilege by proof: nothing the principal may do (identity policies with their Deny statements, its
     * permissions boundary, resource policies naming it) lies outside the {@code reference} policy document, over
     * every resource, account and context value ({@code org.iamdojo.iam.analysis.ReferenceBoundCheck}).
     * {@code services}, when given, limits the question to those services' actions. A FAIL names a request the
     * engine allows; an UNKNOWN (not proved, no counterexample) does not pass and earns nothing.
     */
    record PermissionsWithin(Text title, int points, Text failure, String principal, String account,
                             List<String> services, JsonNode reference) implements Check {
    }

    /** An entity exists ({@code present: true}, the default) or not: user, group, role, policy, instanceProfile, bucket. */
    record Entity(Text title, int points, Text failure, String entity, String name, String account, Boolean present)
            implements Check {
    }

    /** A user is ({@code member: true}, the default) or is not in a group. */
    record Membership(Text title, int points, Text failure, String user, String group, String account, Boolean member)
            implements Check {
    }

    /** No user (or none of {@code users}) has inline or attached policies: permissions come from groups. */
    record NoUserPolicies(Text title, int points, Text failure, String account, List<String> users) implements Check {
    }

    /** The root user has MFA (when {@code mfa}) and no access keys (when {@code noAccessKeys}). */
    record RootSecured(Text title, int points, Text failure, String account, Boolean mfa, Boolean noAccessKeys)
            implements Check {
    }

    /**
     * A user's credentials: console password present or not, the number of active access keys, MFA present or
     * not, and no inactive keys left behind; each only when given.
     */
    record UserCredentials(Text title, int points, Text failure, String user, String account, Boolean console,
                           Integer activeKeys, Boolean mfa, Boolean noInactiveKeys) implements Check {
    }

    /** No IAM user (except those listed) has both a console password and an active access key. */
    record NoConsoleAndKeys(Text title, int points, Text failure, String account, List<String> except)
            implements Check {
    }

    /**
     * A role's trust policy lets exactly {@code principals} (ARNs or 12-digit account ids) assume it, and when
     * given, only with that external id and/or only with MFA.
     */
    record RoleTrust(Text title, int points, Text failure, String role, String account, List<String> principals,
                     String externalId, Boolean requireMfa) implements Check {
    }

    /**
     * An instance (or, without {@code instance}, every running instance of the home account) runs with an instance
     * profile whose role is allowed these accesses and denied those.
     */
    record InstanceRole(Text title, int points, Text failure, String instance, List<Access> allowed,
                        List<Access> denied) implements Check {
    }

    /** No access key or secret is written in the user data of the instance (or of any instance). */
    record NoKeysInUserData(Text title, int points, Text failure, String instance) implements Check {
    }

    /**
     * CloudTrail has ({@code present: true}) or has no event matching the filter, counted from the moment
     * the learner began step {@code fromStep} (default: from the start).
     */
    record Trail(Text title, int points, Text failure, Boolean present, String eventName, String eventSource,
                 String identityType, String principal, Boolean succeeded, String errorCode, Integer fromStep,
                 String account) implements Check {
    }

    /**
     * The learner made a call that failed with this error code (e.g. ExpiredToken: calls with bad or expired
     * credentials never reach CloudTrail, so the attempt's own call log is used).
     */
    record CallFailed(Text title, int points, Text failure, String errorCode, String operation) implements Check {
    }

    /**
     * A role's maximum session duration (MaxSessionDuration, seconds) lies between {@code atLeast} and
     * {@code atMost}, each only when given.
     */
    record MaxSessionDuration(Text title, int points, Text failure, String role, String account, Integer atLeast,
                              Integer atMost) implements Check {
    }

    /**
     * The account password policy is at least as strict as given: a minimum length of at least
     * {@code minimumPasswordLength}, the character classes required when {@code true}, passwords expiring after at
     * most {@code maxPasswordAge} days, at least {@code passwordReusePrevention} remembered passwords; each only
     * when given (AWS's names, https://docs.aws.amazon.com/IAM/latest/APIReference/API_PasswordPolicy.html).
     */
    record PasswordPolicy(Text title, int points, Text failure, String account, Integer minimumPasswordLength,
                          Boolean requireSymbols, Boolean requireNumbers, Boolean requireUppercaseCharacters,
                          Boolean requireLowercaseCharacters, Integer maxPasswordAge, Integer passwordReusePrevention)
            implements Check {
    }

    /**
     * The access map finds no privilege-escalation path from the principal ({@code user NAME} or {@code role NAME}):
     * the same engine-evaluated techniques as the console's access map (org.iamdojo.iam.access.AccessMapper),
     * over every account of the sandbox.
     */
    record NoEscalationPath(Text title, int points, Text failure, String principal, String account) implements Check {
    }

    /**
     * A bucket policy ({@code bucket}) or a role's trust policy ({@code role}) grants no public access: no caller
     * from an account the policy does not name, and no anonymous caller, gets any action under any context, proved
     * by the reasoning layer as CheckNoPublicAccess decides it
     * (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html). A bucket
     * without a policy grants nothing. FAIL shows a counterexample request; UNKNOWN does not pass.
     */
    record NoPublicAccess(Text title, int points, Text failure, String bucket, String role, String account)
            implements Check {
    }
}
