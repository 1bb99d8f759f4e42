package org.iamdojo.iam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.IamOperations;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.sts.SandboxClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The terminal's AWS CLI: command and parameter names as https://docs.aws.amazon.com/cli/latest/reference/iam/ writes them. */
class AwsCommandLineTest {
    static final Credentials ROOT = Credentials.ConsoleSession.root("111122223333", false);
    Sandbox sandbox;
    AwsCommandLine aws;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(SandboxClock.system(), 7L, new EngineAccessEvaluator());
        IamOperations.registerAll(sandbox);
        sandbox.createAccount("111122223333", "root@example.com", "root-password-1");
        aws = new AwsCommandLine(sandbox);
    }

    @Test
    void kebabNamesBecomeApiNames() {
        assertThat(AwsCommandLine.pascal("create-virtual-mfa-device")).isEqualTo("CreateVirtualMFADevice");
        assertThat(AwsCommandLine.pascal("list-mfa-devices")).isEqualTo("ListMFADevices");
        assertThat(AwsCommandLine.pascal("policy-arn")).isEqualTo("PolicyArn");
        assertThat(AwsCommandLine.pascal("access-key-id")).isEqualTo("AccessKeyId");
    }

    @Test
    void shellQuotingKeepsJsonPolicyDocumentsTogether() {
        assertThat(AwsCommandLine.split("aws iam put-user-policy --policy-document '{\"Version\": \"2012-10-17\"}'"))
                .containsExactly("aws", "iam", "put-user-policy", "--policy-document", "{\"Version\": \"2012-10-17\"}");
    }

    @Test
    void consoleIdentityRunsCommandsLikeCloudShell() throws Exception {
        AwsCommandLine.Output out = aws.run("aws iam create-user --user-name alice --path /dev/", ROOT);
        assertThat(out.exitCode()).isZero();
        JsonNode user = new ObjectMapper().readTree(out.text()).get("User");
        assertThat(user.get("Arn").asText()).isEqualTo("arn:aws:iam::111122223333:user/dev/alice");
    }

    @Test
    void configuredProfileActsAsThatUserAndAccessDeniedReadsLikeTheCli() throws Exception {
        aws.run("aws iam create-user --user-name alice", ROOT);
        JsonNode key = new ObjectMapper().readTree(aws.run("aws iam create-access-key --user-name alice", ROOT).text())
                .get("AccessKey");
        AwsCommandLine.Output first = aws.run("aws configure --profile alice", ROOT);
        assertThat(first.prompt()).isEqualTo("AWS Access Key ID [None]: ");
        assertThat(aws.run(key.get("AccessKeyId").asText(), ROOT).prompt()).startsWith("AWS Secret Access Key");
        assertThat(aws.run(key.get("SecretAccessKey").asText(), ROOT).prompt()).startsWith("Default region name");
        aws.run("us-east-1", ROOT);
        assertThat(aws.run("", ROOT).prompt()).isNull();

        AwsCommandLine.Output denied = aws.run("aws iam list-users --profile alice", ROOT);
        assertThat(denied.exitCode()).isEqualTo(254);
        assertThat(denied.text()).startsWith("An error occurred (AccessDenied) when calling the ListUsers operation: "
                + "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:ListUsers");
        assertThat(denied.decision()).isNotNull();
    }

    @Test
    void tagsShorthandAndListsAreParsed() {
        aws.run("aws iam create-user --user-name bob --tags Key=team,Value=blue Key=env,Value=dev", ROOT);
        assertThat(sandbox.account("111122223333").user("bob").tags()).containsEntry("team", "blue").containsEntry("env", "dev");
    }

    @Test
    void unknownProfileAndNonAwsCommandsAreClearErrors() {
        assertThat(aws.run("aws iam list-users --profile nobody", ROOT).text())
                .isEqualTo("The config profile (nobody) could not be found");
        assertThat(aws.run("ls -la", ROOT).exitCode()).isEqualTo(127);
        assertThat(aws.run("aws iam create-user --user-name 'unterminated", ROOT).exitCode()).isEqualTo(252);
    }

    @Test
    void errorsFromTheServiceKeepTheirAwsCode() {
        List.of("aws iam create-user --user-name carol", "aws iam create-user --user-name carol")
                .forEach(c -> aws.run(c, ROOT));
        AwsCommandLine.Output dup = aws.run("aws iam create-user --user-name carol", ROOT);
        assertThat(dup.text()).contains("(EntityAlreadyExists)");
    }
}
