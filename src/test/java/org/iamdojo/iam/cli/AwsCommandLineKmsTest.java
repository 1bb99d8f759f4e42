package org.iamdojo.iam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.time.SandboxClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser terminal's KMS commands, with AWS managed keys behind the predefined {@code alias/aws/...} aliases
 * (https://docs.aws.amazon.com/cli/latest/reference/kms/, https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html,
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html,
 * https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key: "You cannot change any properties of
 * AWS managed keys").
 */
class AwsCommandLineKmsTest {
    static final Credentials ROOT = Credentials.ConsoleSession.root("111122223333", false);
    final ObjectMapper json = new ObjectMapper();
    AwsCommandLine aws;

    @BeforeEach
    void setUp() {
        Sandbox sandbox = SandboxFactory.create(SandboxClock.system(), 7L);
        sandbox.createAccount("111122223333", "root@example.com", "root-password-1");
        aws = new AwsCommandLine(sandbox);
    }

    JsonNode ok(String line) throws Exception {
        AwsCommandLine.Output out = aws.run(line, ROOT);
        assertThat(out.exitCode()).as(line + " -> " + out.text()).isZero();
        return json.readTree(out.text());
    }

    @Test
    void predefinedAliasesAreListedAndDescribeKeyGivesTheAwsManagedKey() throws Exception {
        JsonNode aliases = ok("aws kms list-aliases").get("Aliases");
        JsonNode s3 = null;
        for (JsonNode a : aliases) {
            if (a.get("AliasName").asText().equals("alias/aws/s3")) {
                s3 = a;
            }
        }
        assertThat(s3).as(aliases.toString()).isNotNull();

        JsonNode key = ok("aws kms describe-key --key-id alias/aws/s3").get("KeyMetadata");
        assertThat(key.get("KeyManager").asText()).isEqualTo("AWS");
        assertThat(key.get("Arn").asText()).startsWith("arn:aws:kms:").contains(":111122223333:key/");
        assertThat(ok("aws kms describe-key --key-id " + key.get("KeyId").asText()).get("KeyMetadata").get("KeyId").asText())
                .isEqualTo(key.get("KeyId").asText());
    }

    @Test
    void customerKeysAreMadeAliasedAndDisabledFromTheTerminal() throws Exception {
        String keyId = ok("aws kms create-key --description 'app data'").get("KeyMetadata").get("KeyId").asText();
        assertThat(aws.run("aws kms create-alias --alias-name alias/app --target-key-id " + keyId, ROOT).exitCode()).isZero();
        assertThat(ok("aws kms describe-key --key-id alias/app").get("KeyMetadata").get("KeyManager").asText())
                .isEqualTo("CUSTOMER");
        assertThat(aws.run("aws kms disable-key --key-id " + keyId, ROOT).exitCode()).isZero();
        assertThat(ok("aws kms describe-key --key-id " + keyId).get("KeyMetadata").get("KeyState").asText())
                .isEqualTo("Disabled");
    }

    @Test
    void awsManagedKeysAndAliasesCannotBeChanged() throws Exception {
        String keyId = ok("aws kms describe-key --key-id alias/aws/s3").get("KeyMetadata").get("KeyId").asText();
        AwsCommandLine.Output disable = aws.run("aws kms disable-key --key-id " + keyId, ROOT);
        assertThat(disable.exitCode()).as(disable.text()).isNotZero();
        assertThat(disable.text()).contains("DisableKey");
        AwsCommandLine.Output alias = aws.run("aws kms create-alias --alias-name alias/aws/mine --target-key-id " + keyId, ROOT);
        assertThat(alias.exitCode()).as(alias.text()).isNotZero();
        assertThat(ok("aws kms describe-key --key-id " + keyId).get("KeyMetadata").get("KeyState").asText())
                .isEqualTo("Enabled");
    }
}
