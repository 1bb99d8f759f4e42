package org.iamdojo.iam.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iamdojo.iam.policy.catalog.AccessLevel;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.catalog.ActionInfo;
import org.junit.jupiter.api.Test;

/**
 * The table of IAM operations names real IAM API operations, each read or write as AWS classifies its action:
 * the Service Authorization Reference lists every IAM action with its access level
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html).
 */
class IamOperationTableTest {
    private static final Set<AccessLevel> READ_LEVELS = Set.of(AccessLevel.LIST, AccessLevel.READ);

    @Test
    void everyOperationIsAnIamActionAndReadsExactlyWhenItsAccessLevelIsListOrRead() {
        ActionCatalog catalog = ActionCatalog.standard();
        List<Operation> operations = IamOperations.operations();
        assertThat(operations).hasSizeGreaterThan(80);
        for (Operation op : operations) {
            assertThat(op.service()).isEqualTo("iam");
            Optional<ActionInfo> action = catalog.action("iam", op.name());
            assertThat(action).as(op.name()).isPresent();
            assertThat(op.readOnly()).as(op.name() + " is " + action.get().accessLevel())
                    .isEqualTo(READ_LEVELS.contains(action.get().accessLevel()));
        }
    }

    @Test
    void noOperationIsRegisteredTwice() {
        assertThat(IamOperations.operations().stream().map(Operation::name)).doesNotHaveDuplicates();
    }
}
