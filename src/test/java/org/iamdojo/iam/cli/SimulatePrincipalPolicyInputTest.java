package org.iamdojo.iam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.5: an exported account (GetAccountAuthorizationDetails,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html) with a key written
 * twice is refused with its line and column, as IAM refuses duplicate keys in policies
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_policies.html#policy-duplicate-key), instead of
 * the last one silently winning.
 */
class SimulatePrincipalPolicyInputTest {

    @Test
    void aRepeatedKeyInTheExportIsABadInputAtItsPosition(@TempDir Path dir) throws Exception {
        Path details = dir.resolve("details.json");
        Files.writeString(details, """
                {"UserDetailList": [
                  {"UserName": "dana", "UserName": "admin", "Arn": "arn:aws:iam::111122223333:user/dana"}],
                 "GroupDetailList": [], "RoleDetailList": [], "Policies": []}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulatePrincipalPolicyCommand.run(new String[] {
                "--account-authorization-details", "file://" + details,
                "--policy-source-arn", "arn:aws:iam::111122223333:user/dana", "--action-names", "s3:ListBucket"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(error).contains("Duplicate field 'UserName'").contains("line: 2");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
