package org.iamdojo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.iamdojo.i18n.Message;
import org.iamdojo.i18n.Messages;
import org.iamdojo.iam.eval.PolicyLayer;
import org.junit.jupiter.api.Test;

/** The engine's policy ids read as names a learner knows, in English and Korean (the UI shows them in traces). */
class DecisionExplainerLabelTest {

    private static void reads(String id, String en, String ko) {
        Message label = DecisionExplainer.label(id, Map.of());
        assertThat(label.in(Locale.ENGLISH)).as(id).isEqualTo(en);
        assertThat(label.in(Locale.KOREAN)).as(id).isEqualTo(ko);
    }

    @Test
    void everyKindOfPolicyIdHasANameInBothLanguages() {
        reads("group/developers inline policy DevelopersAccess", "the inline policy DevelopersAccess of group developers",
                "그룹 developers의 인라인 정책 DevelopersAccess");
        reads("user/alice inline policy Read", "the inline policy Read of user alice", "사용자 alice의 인라인 정책 Read");
        reads("role/App inline policy Read", "the inline policy Read of role App", "역할 App의 인라인 정책 Read");
        reads("arn:aws:iam::aws:policy/ReadOnlyAccess", "the AWS managed policy ReadOnlyAccess", "AWS 관리형 정책 ReadOnlyAccess");
        reads("arn:aws:iam::111122223333:policy/Mine", "the managed policy Mine", "관리형 정책 Mine");
        reads("resource policy of arn:aws:s3:::reports/q1.csv", "the bucket policy of reports", "버킷 reports의 버킷 정책");
        reads("resource policy of arn:aws:kms:us-east-1:111122223333:key/k1",
                "the resource-based policy of arn:aws:kms:us-east-1:111122223333:key/k1",
                "arn:aws:kms:us-east-1:111122223333:key/k1의 리소스 기반 정책");
        reads("trust policy of arn:aws:iam::111122223333:role/Deploy", "the trust policy of role Deploy", "역할 Deploy의 신뢰 정책");
        reads("session policy", "the session policy", "세션 정책");
        reads("SCP level 2 #1", "SCP #1 at organization level 2", "조직 수준 2의 SCP #1");
        reads("Policy 1", "Policy 1", "Policy 1");
    }

    /** The "no … allows" sentence names the deciding layer by AWS's own name for it. */
    @Test
    void everyLayerHasItsNameInBothFiles() {
        for (PolicyLayer layer : PolicyLayer.values()) {
            String key = "explain.layer." + layer.name();
            assertThat(Messages.standard().has(key)).as(key).isTrue();
            assertThat(Message.of(key).in(Locale.ENGLISH)).isEqualTo(layer.awsName());
            assertThat(Message.of(key).in(Locale.KOREAN)).as(key).isNotEqualTo(layer.awsName());
        }
    }
}
