package org.iamdojo.iam.cloud;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The simulated EC2 of one sandbox: instances of every account, by instance id. */
public final class Ec2State {
    private final Map<String, Instance> instances = new LinkedHashMap<>();

    /** The instance with that id, or null. */
    public Instance instance(String id) {
        return instances.get(id);
    }

    /** All instances, in launch order. */
    public Collection<Instance> instances() {
        return Collections.unmodifiableCollection(instances.values());
    }

    void put(Instance instance) {
        instances.put(instance.instanceId(), instance);
    }

    /** An instance: image, type, state, the instance profile it runs with, its user data. */
    public static final class Instance {
        private final String instanceId;
        private final String accountId;
        private final String imageId;
        private final String instanceType;
        private final Instant launchTime;
        private final String userData;
        String state = "running";
        String instanceProfileArn;
        String associationId;
        InstanceCredentials cachedCredentials;
        final Map<String, String> tags = new LinkedHashMap<>();

        Instance(String instanceId, String accountId, String imageId, String instanceType, Instant launchTime,
                 String userData) {
            this.instanceId = instanceId;
            this.accountId = accountId;
            this.imageId = imageId;
            this.instanceType = instanceType;
            this.launchTime = launchTime;
            this.userData = userData;
        }

        /** The id, i-…. */
        public String instanceId() { return instanceId; }

        /** The account that launched it. */
        public String accountId() { return accountId; }

        /** The AMI id. */
        public String imageId() { return imageId; }

        /** The instance type, e.g. t3.micro. */
        public String instanceType() { return instanceType; }

        /** When it was launched. */
        public Instant launchTime() { return launchTime; }

        /** The user data as text (decoded from base64 when it was given encoded), or null. */
        public String userData() { return userData; }

        /** pending, running, stopping, stopped, shutting-down or terminated. */
        public String state() { return state; }

        /** The instance's tags, key → value, in the order they were added. */
        public Map<String, String> tags() { return Collections.unmodifiableMap(tags); }

        /** The ARN of the associated instance profile, or null. */
        public String instanceProfileArn() { return instanceProfileArn; }

        /** The instance's ARN in a region. */
        public String arn(String region) {
            return "arn:aws:ec2:" + region + ":" + accountId + ":instance/" + instanceId;
        }
    }
}
