package org.iamdojo.iam.account;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What users, groups and roles share beyond {@link IamEntity}: inline and attached policies, tags. */
public abstract sealed class PolicyHolder extends IamEntity permits IamUser, IamGroup, IamRole {
    final Map<String, String> inlinePolicies = new LinkedHashMap<>();
    final Set<String> attachedPolicyArns = new LinkedHashSet<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    PolicyHolder(String name, String path, String id, String arn, Instant createDate) {
        super(name, path, id, arn, createDate);
    }

    /** Inline policies by name → policy document JSON. */
    public Map<String, String> inlinePolicies() { return Collections.unmodifiableMap(inlinePolicies); }

    /** ARNs of attached managed policies, in attachment order. */
    public Set<String> attachedPolicyArns() { return Collections.unmodifiableSet(attachedPolicyArns); }

    /** Tags by key. */
    public Map<String, String> tags() { return Collections.unmodifiableMap(tags); }
}
