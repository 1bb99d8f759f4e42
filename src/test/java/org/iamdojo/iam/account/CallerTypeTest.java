package org.iamdojo.iam.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Caller types keep CloudTrail's userIdentity.type names, which the attempt's durable log stores
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
 */
class CallerTypeTest {

    @Test
    void awsNamesAreCloudTrailsAndReadBack() {
        assertThat(CallerType.values()).extracting(CallerType::awsName)
                .containsExactly("Root", "IAMUser", "AssumedRole", "FederatedUser", "AWSService", "AWSAccount");
        for (CallerType type : CallerType.values()) {
            assertThat(CallerType.fromAwsName(type.awsName())).isEqualTo(type);
        }
        assertThatThrownBy(() -> CallerType.fromAwsName("IAM_USER")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IAM_USER");
    }

    @Test
    void aSessionTokenActsAsItsUserAndARoleSessionAsTheRole() {
        assertThat(SessionKind.SESSION_TOKEN.callerType()).isEqualTo(CallerType.IAM_USER);
        assertThat(SessionKind.ASSUMED_ROLE.callerType()).isEqualTo(CallerType.ASSUMED_ROLE);
        assertThat(SessionKind.FEDERATED_USER.callerType()).isEqualTo(CallerType.FEDERATED_USER);
        assertThat(SessionKind.ASSUMED_ROLE.awsName()).isEqualTo("AssumedRole");
    }
}
