package org.iamdojo.iam.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The caller of a request, parsed from its ARN. For sessions, {@code issuerArn} is the role (or IAM user)
 * behind the session: the given sessionIssuer, else for a role session the role ARN without path. A role ARN
 * as caller ({@link PrincipalKind#ROLE}) is a session of that role with an unknown session name; its issuer is
 * the role ARN itself.
 */
public record PrincipalInfo(PrincipalKind kind, String arn, String partition, String account, String name,
        String issuerArn, boolean issuerKnown) {

    private static final Set<String> WEB_IDENTITY_PROVIDERS = Set.of(
            "cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com",
            "appleid.apple.com");

    /** Parses a principal as the authorize command accepts it; throws IllegalArgumentException if unknown. */
    public static PrincipalInfo parse(String principal, String sessionIssuer) {
        if (principal == null || principal.isEmpty()) {
            throw new IllegalArgumentException("principal is required");
        }
        if ("anonymous".equals(principal) || "*".equals(principal)) {
            return new PrincipalInfo(PrincipalKind.ANONYMOUS, "anonymous", null, null, null, null, false);
        }
        if (principal.length() == 12 && principal.chars().allMatch(Character::isDigit)) {
            return new PrincipalInfo(PrincipalKind.ROOT, "arn:aws:iam::" + principal + ":root", "aws", principal,
                    null, null, false);
        }
        if (!principal.startsWith("arn:")) {
            if (WEB_IDENTITY_PROVIDERS.contains(principal)) {
                return new PrincipalInfo(PrincipalKind.IDENTITY_PROVIDER, principal, null, null, null, null, false);
            }
            if (principal.indexOf('.') > 0 && principal.indexOf(':') < 0 && principal.indexOf('/') < 0) {
                return new PrincipalInfo(PrincipalKind.SERVICE, principal, null, null, null, null, false);
            }
            throw new IllegalArgumentException("principal is not an ARN, \"anonymous\" or a service principal: "
                    + principal);
        }
        String[] parts = principal.split(":", 6);
        if (parts.length != 6) {
            throw new IllegalArgumentException("principal ARN must have six segments: " + principal);
        }
        String partition = parts[1];
        String service = parts[2];
        String account = parts[4];
        String res = parts[5];
        if ("iam".equals(service)) {
            if ("root".equals(res)) {
                return new PrincipalInfo(PrincipalKind.ROOT, principal, partition, account, null, null, false);
            }
            if (res.startsWith("user/")) {
                return new PrincipalInfo(PrincipalKind.USER, principal, partition, account, lastName(res), null,
                        false);
            }
            if (res.startsWith("role/")) {
                // A role ARN stands for a session of that role whose name is not given: the role is its issuer.
                return new PrincipalInfo(PrincipalKind.ROLE, principal, partition, account, lastName(res), principal,
                        true);
            }
            if (res.startsWith("saml-provider/") || res.startsWith("oidc-provider/")) {
                return new PrincipalInfo(PrincipalKind.IDENTITY_PROVIDER, principal, partition, null, null, null,
                        false);
            }
        } else if ("sts".equals(service)) {
            if (res.startsWith("assumed-role/")) {
                String[] s = res.split("/");
                if (s.length != 3 || s[1].isEmpty() || s[2].isEmpty()) {
                    throw new IllegalArgumentException("assumed-role ARN must be assumed-role/RoleName/SessionName: "
                            + principal);
                }
                boolean known = sessionIssuer != null && !sessionIssuer.isEmpty();
                String issuer = known ? sessionIssuer
                        : "arn:" + partition + ":iam::" + account + ":role/" + s[1];
                return new PrincipalInfo(PrincipalKind.ASSUMED_ROLE, principal, partition, account, s[1], issuer,
                        known);
            }
            if (res.startsWith("federated-user/")) {
                boolean known = sessionIssuer != null && !sessionIssuer.isEmpty();
                return new PrincipalInfo(PrincipalKind.FEDERATED_USER, principal, partition, account,
                        res.substring("federated-user/".length()), known ? sessionIssuer : null, known);
            }
        }
        throw new IllegalArgumentException("unsupported principal ARN: " + principal);
    }

    private static String lastName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** True for callers that are IAM identities or sessions of them (the ones identity policies apply to). */
    public boolean isIamIdentity() {
        return kind == PrincipalKind.USER || kind == PrincipalKind.ROLE || kind == PrincipalKind.ASSUMED_ROLE
                || kind == PrincipalKind.FEDERATED_USER;
    }

    /** True for a service-linked role or its session (SCPs and RCPs do not restrict them). */
    public boolean isServiceLinkedRole() {
        String roleArn = kind == PrincipalKind.ROLE ? arn : kind == PrincipalKind.ASSUMED_ROLE ? issuerArn : null;
        return roleArn != null && roleArn.contains(":role/aws-service-role/");
    }

    /**
     * The principal condition keys AWS sets for this caller, as the authorize command derives them:
     * aws:username (IAM users), aws:userid (root and federated users only: unique ids are unknown here),
     * aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType.
     */
    public Map<String, List<String>> derivedContextKeys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        switch (kind) {
            case ROOT -> {
                keys.put("aws:userid", List.of(account));
                keys.put("aws:PrincipalArn", List.of(arn));
                keys.put("aws:PrincipalAccount", List.of(account));
                keys.put("aws:PrincipalType", List.of("Account"));
            }
            case USER -> {
                keys.put("aws:username", List.of(name));
                keys.put("aws:PrincipalArn", List.of(arn));
                keys.put("aws:PrincipalAccount", List.of(account));
                keys.put("aws:PrincipalType", List.of("User"));
            }
            case ROLE -> {
                keys.put("aws:PrincipalArn", List.of(arn));
                keys.put("aws:PrincipalAccount", List.of(account));
                keys.put("aws:PrincipalType", List.of("AssumedRole"));
            }
            case ASSUMED_ROLE -> {
                keys.put("aws:PrincipalArn", List.of(issuerArn));
                keys.put("aws:PrincipalAccount", List.of(account));
                keys.put("aws:PrincipalType", List.of("AssumedRole"));
            }
            case FEDERATED_USER -> {
                keys.put("aws:userid", List.of(account + ":" + name));
                keys.put("aws:PrincipalArn", List.of(arn));
                keys.put("aws:PrincipalAccount", List.of(account));
                keys.put("aws:PrincipalType", List.of("FederatedUser"));
            }
            case ANONYMOUS -> keys.put("aws:PrincipalType", List.of("Anonymous"));
            default -> {
            }
        }
        return keys;
    }
}
