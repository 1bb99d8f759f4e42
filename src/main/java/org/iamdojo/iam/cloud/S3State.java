package org.iamdojo.iam.cloud;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The simulated S3 of one sandbox: buckets (one global name space, as in AWS) with their objects and policy. */
public final class S3State {
    private final Map<String, Bucket> buckets = new TreeMap<>();

    /** The bucket of that name, or null. */
    public Bucket bucket(String name) {
        return buckets.get(name);
    }

    /** All buckets, by name. */
    public Collection<Bucket> buckets() {
        return Collections.unmodifiableCollection(buckets.values());
    }

    void put(Bucket bucket) {
        buckets.put(bucket.name(), bucket);
    }

    void remove(String name) {
        buckets.remove(name);
    }

    /** A bucket: its owner account, its bucket policy (or null) and its objects by key. */
    public static final class Bucket {
        private final String name;
        private final String ownerAccountId;
        private final Instant creationDate;
        String policy;
        final NavigableMap<String, S3Object> objects = new TreeMap<>();

        Bucket(String name, String ownerAccountId, Instant creationDate) {
            this.name = name;
            this.ownerAccountId = ownerAccountId;
            this.creationDate = creationDate;
        }

        /** The bucket name. */
        public String name() { return name; }

        /** The account that owns the bucket. */
        public String ownerAccountId() { return ownerAccountId; }

        /** When it was created. */
        public Instant creationDate() { return creationDate; }

        /** The bucket policy JSON, or null. */
        public String policy() { return policy; }

        /** The bucket ARN, arn:aws:s3:::name. */
        public String arn() { return "arn:aws:s3:::" + name; }

        /** Objects by key. */
        public NavigableMap<String, S3Object> objects() { return Collections.unmodifiableNavigableMap(objects); }
    }

    /** An object: its content, ETag, time and the principal that wrote it. */
    public record S3Object(String key, String body, String eTag, Instant lastModified, String writerArn) {
        /** Size in bytes (UTF-8). */
        public long size() {
            return body.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
