package org.iamdojo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.IamGroup;
import org.iamdojo.iam.account.IamRole;
import org.iamdojo.iam.account.IamUser;
import org.iamdojo.iam.account.InstanceProfile;
import org.iamdojo.iam.account.ManagedPolicy;
import org.iamdojo.iam.account.RootUser;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;
import org.iamdojo.iam.cloud.CloudWatchOperations;
import org.iamdojo.iam.cloud.CloudWatchState;
import org.iamdojo.iam.cloud.Ec2Inspection;
import org.iamdojo.iam.cloud.Ec2Operations;
import org.iamdojo.iam.cloud.Ec2State;
import org.iamdojo.iam.cloud.S3Operations;
import org.iamdojo.iam.cloud.S3State;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.11: the console shows only what the acting identity's calls return. Its classes never touch the
 * account's state objects or the sandbox's direct readers; every read goes through SandboxWorkspace.call, which
 * authorizes it as the acting identity under the sandbox's lock (and records it in CloudTrail).
 */
class ConsoleReadPathTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.iamdojo");

    static ArchRule consoleReadsOnlyThroughCalls(String consolePackage) {
        return noClasses().that().resideInAPackage(consolePackage)
                .should().dependOnClassesThat().belongToAnyOf(SandboxAccount.class, RootUser.class, IamUser.class,
                        IamGroup.class, IamRole.class, InstanceProfile.class, ManagedPolicy.class, Ec2State.class,
                        S3State.class, CloudWatchState.class)
                .orShould().callMethod(Sandbox.class, "account", String.class)
                .orShould().callMethod(Sandbox.class, "accounts")
                .orShould().callMethod(Sandbox.class, "trail")
                .orShould().callMethod(Sandbox.class, "managedPolicy", SandboxAccount.class, String.class)
                .orShould().callMethod(Sandbox.class, "awsManagedPolicy", String.class)
                .orShould().callMethod(Sandbox.class, "awsManagedPolicies")
                .orShould().callMethod(Sandbox.class, "resolve", Credentials.class, Instant.class)
                .orShould().callMethod(Ec2Operations.class, "state", Sandbox.class)
                .orShould().callMethod(S3Operations.class, "state", Sandbox.class)
                .orShould().callMethod(CloudWatchOperations.class, "state", Sandbox.class)
                .orShould().callMethod(Ec2Inspection.class, "accessKeysInUserData", Sandbox.class)
                .because("a console page shows what its calls as the acting identity return, with the refusal in place,"
                        + " and reads under the sandbox's lock (issue 11.11)");
    }

    @Test
    void theConsoleReadsTheSandboxOnlyThroughCallsAsTheActingIdentity() {
        consoleReadsOnlyThroughCalls("org.iamdojo.ui.console..").check(MAIN);
    }
}
