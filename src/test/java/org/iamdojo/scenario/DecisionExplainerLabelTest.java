package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's policy ids read as names a learner knows, in English and Korean (the UI shows them in traces). */
class DecisionExplainerLabelTest {

    private static Text label(String id) {
        return DecisionExplainer.label(id, Map.of());
    }

    @Test
    void everyKindOfPolicyIdHasANameInBothLanguages() {
        assertThat(label("group/developers inline policy DevelopersAccess"))
                .isEqualTo(new Text("the inline policy DevelopersAccess of group developers", "그룹 developers의 인라인 정책 DevelopersAccess"));
        assertThat(label("resource policy of arn:aws:s3:::reports/q1.csv"))
                .isEqualTo(new Text("the bucket policy of reports", "버킷 reports의 버킷 정책"));
        assertThat(label("resource policy of arn:aws:kms:us-east-1:111122223333:key/k1"))
                .isEqualTo(new Text("the resource-based policy of arn:aws:kms:us-east-1:111122223333:key/k1",
                        "arn:aws:kms:us-east-1:111122223333:key/k1의 리소스 기반 정책"));
        assertThat(label("session policy")).isEqualTo(new Text("the session policy", "세션 정책"));
        assertThat(label("SCP level 2 #1")).isEqualTo(new Text("SCP #1 at organization level 2", "조직 수준 2의 SCP #1"));
        assertThat(label("Policy 1")).isEqualTo(Text.both("Policy 1"));
    }
}
