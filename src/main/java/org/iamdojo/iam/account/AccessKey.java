package org.iamdojo.iam.account;

import java.time.Instant;

/** A long-term access key (AKIA…) of a user or of the root user; the secret is stored only as a hash. */
public final class AccessKey {
    private final String accessKeyId;
    private final String secretHash;
    private final Instant createDate;
    String status = "Active";
    Instant lastUsedDate;
    String lastUsedService;

    AccessKey(String accessKeyId, String secretHash, Instant createDate) {
        this.accessKeyId = accessKeyId;
        this.secretHash = secretHash;
        this.createDate = createDate;
    }

    /** The key id, AKIA…. */
    public String accessKeyId() { return accessKeyId; }

    String secretHash() { return secretHash; }

    /** When it was created. */
    public Instant createDate() { return createDate; }

    /** Active or Inactive. */
    public String status() { return status; }

    /** Whether the key can be used. */
    public boolean active() { return "Active".equals(status); }

    /** When it was last used, or null. */
    public Instant lastUsedDate() { return lastUsedDate; }

    /** The service it was last used with, or null. */
    public String lastUsedService() { return lastUsedService; }
}
