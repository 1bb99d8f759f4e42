package org.iamdojo.iam;

import java.util.List;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.IamOperations;
import org.iamdojo.iam.account.PolicyChecker;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.cloud.CloudWatchOperations;
import org.iamdojo.iam.cloud.Ec2Operations;
import org.iamdojo.iam.cloud.RootOnlyOperations;
import org.iamdojo.iam.cloud.S3Operations;
import org.iamdojo.iam.policy.PolicyParseException;
import org.iamdojo.iam.policy.PolicyParser;
import org.iamdojo.iam.sts.SandboxClock;
import org.iamdojo.iam.sts.StsOperations;

/**
 * Builds ready-to-use sandboxes: the policy engine as authorizer, every operation (IAM, STS, S3, EC2,
 * CloudWatch, root-only tasks) registered, the AWS managed policies loaded and documents checked by the parser.
 */
public final class SandboxFactory {
    private SandboxFactory() {
    }

    /** A sandbox with the managed policies found on the classpath. */
    public static Sandbox create(SandboxClock clock, long seed) {
        return create(clock, seed, ManagedPolicySource.classpath(), parserChecker());
    }

    /** A sandbox with the given managed policies and document checker. */
    public static Sandbox create(SandboxClock clock, long seed, ManagedPolicySource managedPolicies,
                                 PolicyChecker checker) {
        Sandbox sandbox = new Sandbox(clock, seed, new EngineAccessEvaluator());
        sandbox.setPolicyChecker(checker);
        registerAll(sandbox);
        managedPolicies.addTo(sandbox);
        return sandbox;
    }

    /** Registers every operation of the sandbox's services. */
    public static void registerAll(Sandbox sandbox) {
        IamOperations.registerAll(sandbox);
        StsOperations.registerAll(sandbox);
        S3Operations.registerAll(sandbox);
        Ec2Operations.registerAll(sandbox);
        CloudWatchOperations.registerAll(sandbox);
        RootOnlyOperations.registerAll(sandbox);
    }

    /** Rejects documents the policy parser cannot read, with the located error; the full validator may replace it. */
    public static PolicyChecker parserChecker() {
        return (document, use) -> {
            try {
                PolicyParser.parse(document);
                return List.of();
            } catch (PolicyParseException e) {
                return List.of(e.line() + ":" + e.column() + " " + e.reason());
            }
        };
    }
}
