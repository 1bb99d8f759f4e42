package org.iamdojo.iam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.IamOperations;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.time.SandboxClock;
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

    /** aws accessanalyzer check-no-new-access (https://docs.aws.amazon.com/cli/latest/reference/accessanalyzer/check-no-new-access.html). */
    @Test
    void accessAnalyzerCheckNoNewAccessRunsInTheTerminal() {
        String old = "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::test-bucket/*\"}]}'";
        String wide = "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::*\"}]}'";
        AwsCommandLine.Output fail = aws.run("aws accessanalyzer check-no-new-access --existing-policy-document " + old
                + " --new-policy-document " + wide + " --policy-type IDENTITY_POLICY", ROOT);
        assertThat(fail.exitCode()).as(fail.text()).isEqualTo(1);
        assertThat(fail.text()).contains("\"result\" : \"FAIL\"").contains("counterexample");
        AwsCommandLine.Output pass = aws.run("aws accessanalyzer check-no-new-access --existing-policy-document " + wide
                + " --new-policy-document " + old, ROOT);
        assertThat(pass.exitCode()).as(pass.text()).isZero();
        assertThat(pass.text()).contains("\"result\" : \"PASS\"");
    }

    /**
     * The other two checks in the terminal (https://docs.aws.amazon.com/cli/latest/reference/accessanalyzer/check-access-not-granted.html,
     * https://docs.aws.amazon.com/cli/latest/reference/accessanalyzer/check-no-public-access.html).
     */
    @Test
    void accessAnalyzerCheckAccessNotGrantedAndNoPublicAccessRunInTheTerminal() {
        String iam = "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*\","
                + "\"Resource\":\"*\"}]}'";
        AwsCommandLine.Output granted = aws.run("aws accessanalyzer check-access-not-granted --policy-document " + iam
                + " --access actions=iam:CreateUser", ROOT);
        assertThat(granted.exitCode()).as(granted.text()).isEqualTo(1);
        assertThat(granted.text()).contains("\"result\" : \"FAIL\"").contains("\"action\" : \"iam:createuser\"");
        AwsCommandLine.Output notGranted = aws.run("aws accessanalyzer check-access-not-granted --policy-document " + iam
                + " --access actions=s3:GetObject", ROOT);
        assertThat(notGranted.exitCode()).as(notGranted.text()).isZero();
        String pub = "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::site/*\"}]}'";
        AwsCommandLine.Output open = aws.run("aws accessanalyzer check-no-public-access --policy-document " + pub
                + " --resource-type AWS::S3::Bucket", ROOT);
        assertThat(open.exitCode()).as(open.text()).isEqualTo(1);
        assertThat(open.text()).contains("\"result\" : \"FAIL\"");
    }

    @Test
    void kebabNamesBecomeApiNames() {
        assertThat(AwsCommandLine.pascal("create-virtual-mfa-device")).isEqualTo("CreateVirtualMFADevice");
        assertThat(AwsCommandLine.pascal("list-mfa-devices")).isEqualTo("ListMFADevices");
        assertThat(AwsCommandLine.pascal("policy-arn")).isEqualTo("PolicyArn");
        assertThat(AwsCommandLine.pascal("access-key-id")).isEqualTo("AccessKeyId");
    }

    @Test
    void apiNamesBecomeCliNamesAsBotocoreNamesThem() {
        assertThat(AwsCommandLine.kebab("CreateGroup")).isEqualTo("create-group");
        assertThat(AwsCommandLine.kebab("GetSessionToken")).isEqualTo("get-session-token");
        assertThat(AwsCommandLine.kebab("ListMFADevices")).isEqualTo("list-mfa-devices");
        assertThat(AwsCommandLine.kebab("CreateVirtualMFADevice")).isEqualTo("create-virtual-mfa-device");
        assertThat(AwsCommandLine.kebab("ListObjectsV2")).isEqualTo("list-objects-v2");
        assertThat(AwsCommandLine.kebab("AuthenticationCode1")).isEqualTo("authentication-code1");
        assertThat(AwsCommandLine.kebab("CreateOpenIDConnectProvider")).isEqualTo("create-open-id-connect-provider");
        assertThat(AwsCommandLine.kebab("GatewayARNs")).isEqualTo("gateway-arns");
        assertThat(AwsCommandLine.kebab("PolicyArn")).isEqualTo("policy-arn");
    }

    /** A terminal whose calls are only recorded, to see what a command line parses to. */
    static final class Recorder {
        final List<String> operations = new ArrayList<>();
        final List<ObjectNode> params = new ArrayList<>();
        final AwsCommandLine aws;

        Recorder(Sandbox sandbox) {
            aws = new AwsCommandLine(sandbox, (c, service, operation, p) -> {
                operations.add(service + ":" + operation);
                params.add(p.json());
                return new CallResult(new ObjectMapper().createObjectNode(), null, null, null);
            });
        }
    }

    @Test
    void everySandboxOperationIsReachedByItsCliName() {
        Sandbox all = SandboxFactory.create(SandboxClock.system(), 1L);
        Recorder recorder = new Recorder(all);
        // aws-portal holds the billing console's root-only tasks, dojo the sandbox's own access map: the CLI has no service for them.
        List<String> names = all.operationNames().stream()
                .filter(n -> !n.startsWith("aws-portal:") && !n.startsWith("dojo:")).toList();
        assertThat(names).hasSizeGreaterThan(100);
        for (String name : names) {
            String[] sn = name.split(":");
            String line = AwsCommandLine.command(sn[0], sn[1], null);
            assertThat(recorder.aws.run(line, ROOT).exitCode()).as(line).isZero();
        }
        assertThat(recorder.operations).containsExactlyElementsOf(names);
    }

    @Test
    void commandsReadBackToTheSameCall() throws Exception {
        Recorder recorder = new Recorder(sandbox);
        ObjectMapper json = new ObjectMapper();
        ObjectNode params = (ObjectNode) json.readTree("""
                {"ImageId": "ami-1", "IamInstanceProfile": {"Name": "Worker"},
                 "UserData": "#!/bin/bash\\necho 'hi' \\\\ done\\n", "SecurityGroupIds": ["sg-1"], "EbsOptimized": true,
                 "DryRun": false, "SecurityGroups": ["web:a", "db:b"], "ClientToken": "it's ${x}"}""");
        String line = AwsCommandLine.command("ec2", "RunInstances", params);
        assertThat(line).isEqualTo("aws ec2 run-instances --image-id ami-1 --iam-instance-profile '{\"Name\":\"Worker\"}'"
                + " --user-data $'#!/bin/bash\\necho \\'hi\\' \\\\ done\\n' --security-group-ids sg-1 --ebs-optimized"
                + " --no-dry-run --security-groups web:a db:b --client-token 'it'\\''s ${x}'");
        assertThat(recorder.aws.run(line, ROOT).exitCode()).isZero();
        assertThat(recorder.operations).containsExactly("ec2:RunInstances");
        assertThat(recorder.params.get(0)).isEqualTo(params);

        String put = AwsCommandLine.command("iam", "PutGroupPolicy", (ObjectNode) json.readTree(
                "{\"GroupName\": \"developers\", \"PolicyName\": \"X\", \"PolicyDocument\": {\"Version\": \"2012-10-17\"}}"));
        assertThat(put).isEqualTo("aws iam put-group-policy --group-name developers --policy-name X"
                + " --policy-document '{\"Version\":\"2012-10-17\"}'");
    }

    @Test
    void outputFilesTheCliRequiresAreAccepted() {
        Recorder recorder = new Recorder(sandbox);
        String line = AwsCommandLine.command("s3", "GetObject", new ObjectMapper().createObjectNode()
                .put("Bucket", "reports").put("Key", "2025/q1.csv"));
        assertThat(line).isEqualTo("aws s3api get-object --bucket reports --key 2025/q1.csv q1.csv");
        assertThat(recorder.aws.run(line, ROOT).exitCode()).isZero();
        assertThat(recorder.params.get(0)).isEqualTo(Params.of("Bucket", "reports", "Key", "2025/q1.csv").json());

        String mfa = AwsCommandLine.command("iam", "CreateVirtualMFADevice", Params.of("VirtualMFADeviceName", "hana").json());
        assertThat(mfa).isEqualTo("aws iam create-virtual-mfa-device --virtual-mfa-device-name hana"
                + " --outfile hana-seed.txt --bootstrap-method Base32StringSeed");
        assertThat(recorder.aws.run(mfa, ROOT).exitCode()).isZero();
        assertThat(recorder.params.get(1)).isEqualTo(Params.of("VirtualMFADeviceName", "hana").json());
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

    /** A mistyped command gets the AWS CLI's "maybe you meant" (as awscli 1.45 prints for {@code aws iam list-user}). */
    @Test
    void aTypoSuggestsTheClosestCommand() {
        AwsCommandLine.Output out = aws.run("aws iam list-user", ROOT);
        assertThat(out.exitCode()).isEqualTo(252);
        assertThat(out.text()).contains("Invalid choice: 'list-user', maybe you meant:").contains("* list-users");
        assertThat(out.message().key()).isEqualTo("did-you-mean");
        assertThat(out.message().args()).containsExactly("list-user", "list-users");
    }

    /**
     * Options an operation does not have are refused before any call, as the AWS CLI refuses them
     * ("Unknown options: --foo", https://docs.aws.amazon.com/cli/latest/reference/iam/list-users.html lists the real ones).
     */
    @Test
    void unknownOptionsAreRefusedAndKnownOnesPass() {
        AwsCommandLine.Output out = aws.run("aws iam list-users --foo", ROOT);
        assertThat(out.exitCode()).isEqualTo(252);
        assertThat(out.text()).isEqualTo("Unknown options: --foo");
        assertThat(out.message().key()).isEqualTo("unknown-options");
        assertThat(aws.run("aws iam create-user --user-name bob --colour blue", ROOT).text())
                .isEqualTo("Unknown options: --colour");
        assertThat(aws.run("aws iam list-users", ROOT).text()).contains("\"Users\"").doesNotContain("bob");
        assertThat(aws.run("aws iam list-users --max-items 5 --path-prefix /", ROOT).exitCode()).isZero();
        assertThat(aws.run("aws iam create-user --user-name bob --path /", ROOT).exitCode()).isZero();
    }

    /** The terminal's own messages carry a translation key, so the UI shows them in the learner's language. */
    @Test
    void ownMessagesCarryTranslationKeys() {
        assertThat(aws.run("ls", ROOT).message().key()).isEqualTo("not-found");
        assertThat(aws.run("ls", ROOT).message().args()).containsExactly("ls");
        assertThat(aws.run("aws help", ROOT).message().key()).isEqualTo("usage");
    }

    @Test
    void onlyGlobalOptionsPrintTheUsage() {
        // Found by InputFuzzTest: "aws --output json" left no command word and the terminal threw.
        for (String line : List.of("aws --output json", "aws --region", "aws --query Users --profile")) {
            AwsCommandLine.Output out = aws.run(line, ROOT);
            assertThat(out.exitCode()).as(line).isNotZero();
            assertThat(out.text()).as(line).startsWith("usage:");
        }
    }
}
