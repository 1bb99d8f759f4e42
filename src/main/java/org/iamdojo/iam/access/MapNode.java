package org.iamdojo.iam.access;

/**
 * A node: its id (the ARN; an inline policy is its holder's ARN + "#inline/" + name), kind, display name and
 * the account it lives in (null for AWS managed policies).
 */
public record MapNode(String id, NodeKind kind, String name, String accountId) {

    /** Whether the node can make requests (a user or a role): the map evaluates access for these. */
    public boolean principal() {
        return kind == NodeKind.USER || kind == NodeKind.ROLE;
    }
}
