package org.iamdojo.iam.account;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What users, groups and roles share: a name, a path, an id, inline and attached policies, tags. */
public abstract sealed class PolicyHolder permits IamUser, IamGroup, IamRole {
    private final String name;
    private final String path;
    private final String id;
    private final String arn;
    private final Instant createDate;
    final Map<String, String> inlinePolicies = new LinkedHashMap<>();
    final Set<String> attachedPolicyArns = new LinkedHashSet<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    PolicyHolder(String name, String path, String id, String arn, Instant createDate) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.createDate = createDate;
    }

    /** The friendly name (UserName, GroupName, RoleName). */
    public String name() { return name; }

    /** The IAM path, "/" by default. */
    public String path() { return path; }

    /** The unique id (AIDA…, AGPA…, AROA…). */
    public String id() { return id; }

    /** The ARN. */
    public String arn() { return arn; }

    /** When it was created (sandbox clock). */
    public Instant createDate() { return createDate; }

    /** Inline policies by name → policy document JSON. */
    public Map<String, String> inlinePolicies() { return Collections.unmodifiableMap(inlinePolicies); }

    /** ARNs of attached managed policies, in attachment order. */
    public Set<String> attachedPolicyArns() { return Collections.unmodifiableSet(attachedPolicyArns); }

    /** Tags by key. */
    public Map<String, String> tags() { return Collections.unmodifiableMap(tags); }
}
