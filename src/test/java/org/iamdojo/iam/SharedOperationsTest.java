package org.iamdojo.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.Test;

/**
 * The stateless operations are one table shared by every sandbox (heap per session); those bound to a sandbox's
 * evaluator stay its own, and sharing the table shares no state: what one sandbox's calls change the other does not see.
 */
class SharedOperationsTest {

    private static final String ACCOUNT = "111122223333";

    private static Sandbox sandbox(long seed) {
        Sandbox sb = SandboxFactory.create(new SandboxClock(Clock.systemUTC()), seed);
        sb.createAccount(ACCOUNT, "root@example.com", "RootPassw0rd!");
        return sb;
    }

    private static CallResult asRoot(Sandbox sb, String service, String operation, Params params) {
        return sb.call(SandboxFixture.root(ACCOUNT), service, operation, params, Sandbox.DEFAULT_SOURCE_IP);
    }

    @Test
    void twoSandboxesUseTheSameStatelessOperationsAndTheirOwnEvaluatorBoundOnes() {
        Map<String, Operation> a = sandbox(1).operationTable();
        Map<String, Operation> b = sandbox(2).operationTable();
        assertThat(a.keySet()).isEqualTo(b.keySet()).contains("iam:createuser", "s3:createbucket",
                "kms:createkey", "sts:assumerole", "cloudtrail:lookupevents", "iam:simulateprincipalpolicy");
        assertThat(a.get("iam:createuser")).isSameAs(b.get("iam:createuser"));
        assertThat(a.get("s3:createbucket")).isSameAs(b.get("s3:createbucket"));
        assertThat(a.get("kms:createkey")).isSameAs(b.get("kms:createkey"));
        // SimulatePrincipalPolicy evaluates with the sandbox's own evaluator.
        assertThat(a.get("iam:simulateprincipalpolicy")).isNotSameAs(b.get("iam:simulateprincipalpolicy"));
    }

    @Test
    void callsThroughTheSharedTableChangeOnlyTheirOwnSandbox() {
        Sandbox a = sandbox(1);
        Sandbox b = sandbox(2);
        assertThat(asRoot(a, "iam", "CreateUser", Params.of("UserName", "only-in-a")).succeeded()).isTrue();
        assertThat(asRoot(a, "s3", "CreateBucket", Params.of("Bucket", "bucket-only-in-a")).succeeded()).isTrue();

        CallResult inA = asRoot(a, "iam", "GetUser", Params.of("UserName", "only-in-a"));
        CallResult inB = asRoot(b, "iam", "GetUser", Params.of("UserName", "only-in-a"));
        assertThat(inA.succeeded()).isTrue();
        assertThat(inB.succeeded()).isFalse();
        assertThat(inB.error().code()).isEqualTo("NoSuchEntity");
        assertThat(asRoot(b, "s3", "ListBuckets", Params.of()).response().path("Buckets")).isEmpty();
        assertThat(asRoot(a, "s3", "ListBuckets", Params.of()).response().path("Buckets")).hasSize(1);
    }

    @Test
    void operationNamesStillListEveryOperation() {
        assertThat(sandbox(3).operationNames()).contains("iam:CreateUser", "iam:SimulatePrincipalPolicy",
                "s3:ListBuckets").doesNotHaveDuplicates();
    }
}
