package org.iamdojo.iam.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iamdojo.iam.policy.PrincipalBlock;

/**
 * A compiled Principal/NotPrincipal block. Follows "AWS JSON policy elements: Principal"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html): principal
 * ARNs are exact (no wildcards other than "*" alone), an account id and arn:aws:iam::ACCOUNT:root both mean
 * the account, a role ARN covers that role's sessions, "*" and {"AWS": "*"} cover everyone including
 * anonymous callers. A caller given as a role ARN is a session of that role whose name is unknown
 * ({@link PrincipalKind#ROLE}): a block that lists a session of that very role cannot be decided for it and
 * raises {@link UndecidablePrincipalException} rather than guess.
 */
final class PrincipalMatcher {
    private final boolean wildcard;
    private final Set<String> accounts = new HashSet<>();
    private final Set<String> arns = new HashSet<>();
    private final Set<String> roleNames = new HashSet<>();
    private final Set<String> services = new HashSet<>();
    private final Set<String> federated = new HashSet<>();
    private final Set<String> canonical = new HashSet<>();
    /** "account/RoleName" of every assumed-role session ARN listed. */
    private final Set<String> sessionRoles = new HashSet<>();

    PrincipalMatcher(PrincipalBlock block) {
        boolean any = block.wildcard();
        for (String v : block.valuesOf(PrincipalBlock.AWS)) {
            if ("*".equals(v)) {
                any = true;
            } else if (v.length() == 12 && v.chars().allMatch(Character::isDigit)) {
                accounts.add(v);
            } else if (v.startsWith("arn:") && v.endsWith(":root")) {
                String[] p = v.split(":", 6);
                if (p.length == 6 && "iam".equals(p[2]) && "root".equals(p[5])) {
                    accounts.add(p[4]);
                } else {
                    arns.add(v);
                }
            } else {
                arns.add(v);
                String[] p = v.split(":", 6);
                if (p.length == 6 && "iam".equals(p[2]) && p[5].startsWith("role/")) {
                    roleNames.add(p[4] + "/" + p[5].substring(p[5].lastIndexOf('/') + 1));
                } else if (p.length == 6 && "sts".equals(p[2]) && p[5].startsWith("assumed-role/")) {
                    String[] r = p[5].split("/");
                    if (r.length >= 2) {
                        sessionRoles.add(p[4] + "/" + r[1]);
                    }
                }
            }
        }
        for (String v : block.valuesOf(PrincipalBlock.SERVICE)) {
            if ("*".equals(v)) {
                any = true;
            }
            services.add(v.toLowerCase(Locale.ROOT));
        }
        federated.addAll(block.valuesOf(PrincipalBlock.FEDERATED));
        canonical.addAll(block.valuesOf(PrincipalBlock.CANONICAL_USER));
        this.wildcard = any;
    }

    /** How strongly this block names the caller. */
    PrincipalMatch match(PrincipalInfo p) {
        switch (p.kind()) {
            case SERVICE:
                if (services.contains(p.arn().toLowerCase(Locale.ROOT))) {
                    return PrincipalMatch.DIRECT;
                }
                return wildcard ? PrincipalMatch.WILDCARD : PrincipalMatch.NONE;
            case IDENTITY_PROVIDER:
                if (federated.contains(p.arn())) {
                    return PrincipalMatch.DIRECT;
                }
                return wildcard ? PrincipalMatch.WILDCARD : PrincipalMatch.NONE;
            case ANONYMOUS:
                return wildcard ? PrincipalMatch.WILDCARD : PrincipalMatch.NONE;
            case ROOT:
                if (accounts.contains(p.account())) {
                    return PrincipalMatch.DIRECT;
                }
                return wildcard ? PrincipalMatch.WILDCARD : PrincipalMatch.NONE;
            case ROLE:
                // A session of the role, name unknown: only what does not depend on the session name is decided.
                if (wildcard) {
                    return PrincipalMatch.WILDCARD;
                }
                requireNoSessionOf(p);
                if (arns.contains(p.arn())) {
                    return PrincipalMatch.ISSUER;
                }
                return accounts.contains(p.account()) ? PrincipalMatch.ACCOUNT : PrincipalMatch.NONE;
            default:
                if (arns.contains(p.arn())) {
                    return PrincipalMatch.DIRECT;
                }
                if (wildcard) {
                    return PrincipalMatch.WILDCARD;
                }
                if (issuerNamed(p)) {
                    return PrincipalMatch.ISSUER;
                }
                return accounts.contains(p.account()) ? PrincipalMatch.ACCOUNT : PrincipalMatch.NONE;
        }
    }

    private boolean issuerNamed(PrincipalInfo p) {
        if (p.issuerArn() == null) {
            return false;
        }
        if (arns.contains(p.issuerArn())) {
            return true;
        }
        // Without a sessionIssuer the role's path is unknown: match the role by account and name.
        return p.kind() == PrincipalKind.ASSUMED_ROLE && !p.issuerKnown()
                && roleNames.contains(p.account() + "/" + p.name());
    }

    /**
     * For NotPrincipal with Deny: whether the caller is excluded. AWS evaluates every identity of the caller
     * (session, role, account), so a caller is excluded only when all of them are listed
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html). A role
     * ARN caller (a session of unknown name) is never excluded, since its session ARN cannot be listed.
     */
    boolean excludesAll(PrincipalInfo p) {
        if (wildcard) {
            return true;
        }
        return switch (p.kind()) {
            case SERVICE -> services.contains(p.arn().toLowerCase(Locale.ROOT));
            case IDENTITY_PROVIDER -> federated.contains(p.arn());
            case ANONYMOUS -> false;
            case ROOT -> accounts.contains(p.account()) || arns.contains(p.arn());
            case ASSUMED_ROLE -> arns.contains(p.arn()) && issuerNamed(p) && accounts.contains(p.account());
            case ROLE -> {
                requireNoSessionOf(p);
                yield false;
            }
            default -> arns.contains(p.arn()) && accounts.contains(p.account());
        };
    }

    private void requireNoSessionOf(PrincipalInfo p) {
        if (!sessionRoles.isEmpty() && sessionRoles.contains(p.account() + "/" + p.name())) {
            throw new UndecidablePrincipalException("the principal " + p.arn() + " is a role ARN, but the policy "
                    + "names a session of that role (arn:aws:sts::" + p.account() + ":assumed-role/" + p.name()
                    + "/...): give the session ARN as principal (AWS requests always come from a session)");
        }
    }

    /** Values for the trace. */
    static List<String> describe(PrincipalBlock b) {
        return b.wildcard() ? List.of("*") : b.values().values().stream().flatMap(List::stream).toList();
    }
}
