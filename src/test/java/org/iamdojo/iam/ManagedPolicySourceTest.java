package org.iamdojo.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.iamdojo.iam.account.ManagedPolicy;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.Test;

/** The AWS managed policies are read once and their texts shared by every sandbox (heap per session). */
class ManagedPolicySourceTest {
    @Test
    void twoSandboxesShareTheSameDocumentText() {
        Sandbox a = SandboxFactory.create(new SandboxClock(Clock.systemUTC()), 1);
        Sandbox b = SandboxFactory.create(new SandboxClock(Clock.systemUTC()), 2);
        assertThat(a.awsManagedPolicies()).isNotEmpty();
        for (ManagedPolicy p : a.awsManagedPolicies()) {
            ManagedPolicy q = b.awsManagedPolicy(p.arn());
            assertThat(q).isNotNull();
            assertThat(q.versions().get(0).document()).isSameAs(p.versions().get(0).document());
        }
    }
}
