package org.iamdojo.scenario;

import java.util.List;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.PolicyUse;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.policy.catalog.AwsManagedPolicy;
import org.iamdojo.iam.policy.catalog.AwsManagedPolicyCatalog;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.policy.validation.Severity;
import org.iamdojo.iam.sts.SandboxClock;

/** Builds the sandbox an attempt runs in: every operation of SandboxFactory (IAM, STS, S3, EC2, CloudWatch, root-only tasks), AWS managed policies, the policy validator. */
public final class ScenarioSandboxes {
    private static final List<AwsManagedPolicy> MANAGED = AwsManagedPolicyCatalog.load().all();

    private ScenarioSandboxes() {
    }

    /** A sandbox with every service scenarios use, validating documents with {@code validator}. */
    public static Sandbox create(SandboxClock clock, long seed, EngineAccessEvaluator evaluator,
                                 PolicyValidator validator) {
        Sandbox sandbox = new Sandbox(clock, seed, evaluator);
        SandboxFactory.registerAll(sandbox);
        sandbox.setPolicyChecker((document, use) -> validator.validate(document, typeOf(use)).stream()
                .filter(f -> f.severity() == Severity.ERROR).map(f -> f.format()).toList());
        for (AwsManagedPolicy p : MANAGED) {
            sandbox.addAwsManagedPolicy(p.policyName(), p.path(), p.arn(), p.defaultVersionId(), p.document());
        }
        return sandbox;
    }

    private static PolicyType typeOf(PolicyUse use) {
        return switch (use) {
            case TRUST -> PolicyType.TRUST_POLICY;
            case RESOURCE -> PolicyType.RESOURCE_POLICY;
            default -> PolicyType.IDENTITY_POLICY;
        };
    }
}
