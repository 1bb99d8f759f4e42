package org.iamdojo.iam.cloud;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The simulated AWS KMS of one sandbox: symmetric keys with their key policy, and aliases per account. */
public final class KmsState {
    final Map<String, Key> keys = new LinkedHashMap<>();
    /** Account id + "/" + alias name (alias/…) → key id. */
    final Map<String, String> aliases = new LinkedHashMap<>();

    /** All keys, in creation order. */
    public Collection<Key> keys() {
        return Collections.unmodifiableCollection(keys.values());
    }

    /** The key with that id, or null. */
    public Key key(String keyId) {
        return keys.get(keyId);
    }

    /**
     * A KMS key: id, owner, key policy, the key material it encrypts with, and who manages it: the customer, or AWS
     * for an AWS managed key (alias aws/SERVICE, made for a service on first use, with a key policy AWS keeps).
     */
    public static final class Key {
        final String keyId;
        final String accountId;
        final String arn;
        final String description;
        final Instant creationDate;
        final byte[] material;
        /** True for an AWS managed key (KeyManager AWS); customers cannot change it. */
        final boolean awsManaged;
        String policy;
        /** Enabled, Disabled or PendingDeletion. */
        String keyState = "Enabled";
        Instant deletionDate;
        final Map<String, String> tags = new LinkedHashMap<>();

        Key(String keyId, String accountId, String arn, String description, Instant creationDate, byte[] material,
            String policy) {
            this(keyId, accountId, arn, description, creationDate, material, policy, false);
        }

        Key(String keyId, String accountId, String arn, String description, Instant creationDate, byte[] material,
            String policy, boolean awsManaged) {
            this.keyId = keyId;
            this.accountId = accountId;
            this.arn = arn;
            this.description = description;
            this.creationDate = creationDate;
            this.material = material;
            this.policy = policy;
            this.awsManaged = awsManaged;
        }

        /** AWS or CUSTOMER, as DescribeKey's KeyManager. */
        public String keyManager() {
            return awsManaged ? "AWS" : "CUSTOMER";
        }

        /** Enabled, Disabled or PendingDeletion. */
        public String keyState() {
            return keyState;
        }

        public String keyId() {
            return keyId;
        }

        public String accountId() {
            return accountId;
        }

        public String arn() {
            return arn;
        }

        /** The key policy (there is exactly one, named "default"). */
        public String policy() {
            return policy;
        }
    }
}
