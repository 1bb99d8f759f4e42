package org.iamdojo.iam.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.IamRole;
import org.iamdojo.iam.account.InstanceProfile;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;

/**
 * The simulated instance metadata service: hands an instance the temporary credentials of its instance
 * profile's role. As in AWS, the EC2 service assumes the role (so the role's trust policy must allow the
 * service principal ec2.amazonaws.com, checked by the engine and logged in CloudTrail as AWSService), and the
 * credentials are renewed before they expire.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html
 */
public final class InstanceMetadata {
    /** Credentials are replaced when less than this remains (AWS rotates them well before expiry). */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    private static final String EC2_SERVICE = "ec2.amazonaws.com";
    private final Sandbox sandbox;

    private InstanceMetadata(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** The metadata service of a sandbox's instances. */
    public static InstanceMetadata of(Sandbox sandbox) {
        return new InstanceMetadata(sandbox);
    }

    /**
     * What iam/security-credentials/ROLE returns on that instance now: empty when the instance is not running,
     * has no instance profile or role, or its role does not trust ec2.amazonaws.com.
     */
    public Optional<InstanceCredentials> credentials(String instanceId) {
        sandbox.lock().lock();
        try {
            Ec2State.Instance instance = Ec2Operations.state(sandbox).instance(instanceId);
            if (instance == null || !"running".equals(instance.state) || instance.instanceProfileArn == null) {
                return Optional.empty();
            }
            IamRole role = roleOf(instance);
            if (role == null) {
                instance.cachedCredentials = null;
                return Optional.empty();
            }
            Instant now = sandbox.now();
            InstanceCredentials cached = instance.cachedCredentials;
            if (cached != null && cached.roleName().equals(role.name())
                    && now.plus(RENEW_BEFORE).isBefore(cached.expiration())) {
                return Optional.of(cached);
            }
            CallResult result = sandbox.call(new Credentials.ServicePrincipal(EC2_SERVICE), "sts", "AssumeRole",
                    Params.of("RoleArn", role.arn(), "RoleSessionName", instanceId), null);
            if (!result.succeeded()) {
                instance.cachedCredentials = null;
                return Optional.empty();
            }
            ObjectNode c = (ObjectNode) result.response().get("Credentials");
            InstanceCredentials fresh = new InstanceCredentials(role.name(), c.get("AccessKeyId").asText(),
                    c.get("SecretAccessKey").asText(), c.get("SessionToken").asText(), now,
                    Instant.parse(c.get("Expiration").asText()));
            instance.cachedCredentials = fresh;
            return Optional.of(fresh);
        } finally {
            sandbox.lock().unlock();
        }
    }

    /** The role name iam/security-credentials/ lists for the instance, or empty. */
    public Optional<String> roleName(String instanceId) {
        sandbox.lock().lock();
        try {
            Ec2State.Instance instance = Ec2Operations.state(sandbox).instance(instanceId);
            IamRole role = instance == null || instance.instanceProfileArn == null ? null : roleOf(instance);
            return Optional.ofNullable(role).map(IamRole::name);
        } finally {
            sandbox.lock().unlock();
        }
    }

    private IamRole roleOf(Ec2State.Instance instance) {
        SandboxAccount account = sandbox.account(instance.accountId());
        String arn = instance.instanceProfileArn;
        InstanceProfile ip = account.instanceProfile(arn.substring(arn.lastIndexOf('/') + 1));
        if (ip == null || !ip.arn().equals(arn) || ip.roleName() == null) {
            return null;
        }
        return account.role(ip.roleName());
    }
}
