package org.iamdojo.iam;

import java.util.List;
import java.util.Map;
import org.iamdojo.iam.access.AccessMapOperation;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.IamOperations;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.PolicyChecker;
import org.iamdojo.iam.account.PrincipalSimulation;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.cloud.CloudTrailOperations;
import org.iamdojo.iam.cloud.CloudWatchOperations;
import org.iamdojo.iam.cloud.Ec2Operations;
import org.iamdojo.iam.cloud.KmsOperations;
import org.iamdojo.iam.cloud.OrganizationsOperations;
import org.iamdojo.iam.cloud.RootOnlyOperations;
import org.iamdojo.iam.cloud.S3Operations;
import org.iamdojo.iam.policy.PolicyParseException;
import org.iamdojo.iam.policy.PolicyParser;
import org.iamdojo.iam.policy.validation.Finding;
import org.iamdojo.iam.policy.validation.PolicyQuota;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.policy.validation.Severity;
import org.iamdojo.iam.sts.StsOperations;
import org.iamdojo.iam.time.SandboxClock;

/**
 * The one way to build a sandbox, for the free playground, scenario attempts, tools and tests alike: the policy
 * engine as authorizer, every operation (IAM with the principal simulation, STS, S3, EC2, CloudWatch, CloudTrail's
 * event lookup, root-only tasks, the access map) registered, the AWS managed policies loaded and documents checked before they are stored.
 */
public final class SandboxFactory {
    /** Read once: the managed policies are the same for every sandbox. */
    private static final ManagedPolicySource CLASSPATH_POLICIES = ManagedPolicySource.classpath();
    /**
     * Built once: the operations that keep no state of their own (each reaches its sandbox through the call's
     * context), shared by every sandbox; only those bound to a sandbox's evaluator are registered per sandbox.
     */
    private static final Map<String, Operation> SHARED_OPERATIONS = sharedOperations();

    private SandboxFactory() {
    }

    /**
     * A sandbox with the classpath's managed policies and a standard policy validator of its own, for tools and
     * tests; the app passes its one validator to the overloads below.
     */
    public static Sandbox create(SandboxClock clock, long seed) {
        return create(clock, seed, new EngineAccessEvaluator(), validatorChecker(PolicyValidator.standard()));
    }

    /** A sandbox authorized by {@code evaluator} (kept by the caller, e.g. for grading), with the classpath's managed policies. */
    public static Sandbox create(SandboxClock clock, long seed, EngineAccessEvaluator evaluator, PolicyChecker checker) {
        return create(clock, seed, evaluator, CLASSPATH_POLICIES, checker);
    }

    /** A sandbox with the given managed policies and document checker. */
    public static Sandbox create(SandboxClock clock, long seed, ManagedPolicySource managedPolicies,
                                 PolicyChecker checker) {
        return create(clock, seed, new EngineAccessEvaluator(), managedPolicies, checker);
    }

    private static Sandbox create(SandboxClock clock, long seed, EngineAccessEvaluator evaluator,
                                  ManagedPolicySource managedPolicies, PolicyChecker checker) {
        Sandbox sandbox = new Sandbox(clock, seed, evaluator);
        sandbox.setPolicyChecker(checker);
        sandbox.useSharedOperations(SHARED_OPERATIONS);
        PrincipalSimulation.register(sandbox, evaluator);
        AccessMapOperation.register(sandbox, evaluator);
        managedPolicies.addTo(sandbox);
        return sandbox;
    }

    /** Registers the stateless operations on a sandbox made for the purpose and returns its table. */
    private static Map<String, Operation> sharedOperations() {
        Sandbox template = new Sandbox(SandboxClock.system(), 0, new EngineAccessEvaluator());
        IamOperations.registerAll(template);
        StsOperations.registerAll(template);
        S3Operations.registerAll(template);
        Ec2Operations.registerAll(template);
        CloudWatchOperations.registerAll(template);
        CloudTrailOperations.registerAll(template);
        RootOnlyOperations.registerAll(template);
        OrganizationsOperations.registerAll(template);
        KmsOperations.registerAll(template);
        return template.operationTable();
    }

    /**
     * Rejects documents with ERROR findings of {@code validator} (as IAM rejects them with
     * MalformedPolicyDocument), each as "line:column ERROR CODE message"; the size quota follows the use.
     */
    public static PolicyChecker validatorChecker(PolicyValidator validator) {
        return (document, use) -> {
            PolicyType type = switch (use) {
                case TRUST -> PolicyType.TRUST_POLICY;
                case RESOURCE -> PolicyType.RESOURCE_POLICY;
                case SERVICE_CONTROL -> PolicyType.SERVICE_CONTROL_POLICY;
                case RESOURCE_CONTROL -> PolicyType.RESOURCE_CONTROL_POLICY;
                default -> PolicyType.IDENTITY_POLICY;
            };
            PolicyQuota quota = switch (use) {
                case USER_INLINE -> PolicyQuota.USER_INLINE;
                case GROUP_INLINE -> PolicyQuota.GROUP_INLINE;
                case ROLE_INLINE -> PolicyQuota.ROLE_INLINE;
                case MANAGED -> PolicyQuota.MANAGED;
                case TRUST -> PolicyQuota.ROLE_TRUST_POLICY;
                default -> null;
            };
            return validator.validate(document, type, quota).stream()
                    .filter(f -> f.severity() == Severity.ERROR).map(Finding::format).toList();
        };
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
