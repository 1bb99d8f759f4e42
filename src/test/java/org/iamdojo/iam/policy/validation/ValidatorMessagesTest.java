package org.iamdojo.iam.policy.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The English text of every validator message, line by line as {@code validate-policy} prints it, for a corpus of
 * policies that together raise every message (src/test/resources/iam/validator/message-corpus.txt); the expected
 * output is english-messages.txt beside it. Changing a message's English wording fails here on purpose: learners,
 * scenario files and the CLI's users read these texts.
 */
class ValidatorMessagesTest {
    private final PolicyValidator validator = PolicyValidator.standard();

    /** One policy of the corpus. */
    record Case(String name, PolicyType type, @Nullable PolicyQuota quota, String text) {
    }

    static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        String header = null;
        StringBuilder text = new StringBuilder();
        for (String line : resource("message-corpus.txt").split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("=== ")) {
                if (header != null) {
                    cases.add(parse(header, text));
                }
                header = line.substring(4);
                text.setLength(0);
            } else {
                text.append(text.length() == 0 ? "" : "\n").append(line);
            }
        }
        cases.add(parse(header, text));
        // Size quotas need long documents, made here rather than written out in the corpus.
        String actions = String.join(", ", Collections.nCopies(1_100, "\"s3:GetObject\""));
        String big = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": [" + actions
                + "], \"Resource\": \"*\"}}";
        for (PolicyQuota quota : List.of(PolicyQuota.USER_INLINE, PolicyQuota.GROUP_INLINE, PolicyQuota.ROLE_INLINE,
                PolicyQuota.MANAGED)) {
            cases.add(new Case("quota-" + quota, PolicyType.IDENTITY_POLICY, quota, big));
        }
        String principals = String.join(", ",
                Collections.nCopies(60, "\"arn:aws:iam::111122223333:role/some-rather-long-role-name\""));
        cases.add(new Case("quota-" + PolicyQuota.ROLE_TRUST_POLICY, PolicyType.TRUST_POLICY, PolicyQuota.ROLE_TRUST_POLICY,
                "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": ["
                        + principals + "]}, \"Action\": \"sts:AssumeRole\"}}"));
        return cases;
    }

    private static Case parse(String header, CharSequence text) {
        String[] parts = header.split(" ");
        return new Case(parts[0], PolicyType.valueOf(parts[1]), parts.length > 2 ? PolicyQuota.valueOf(parts[2]) : null,
                text.toString());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ValidatorMessagesTest.class.getResourceAsStream("/iam/validator/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What the validator reports for every case, as "=== name" then one formatted finding per line. */
    String report() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Case c : corpus()) {
            out.append("=== ").append(c.name()).append('\n');
            for (Finding f : validator.validate(c.text(), c.type(), c.quota())) {
                out.append(f.format()).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void everyMessageReadsAsBefore() throws IOException {
        assertThat(report()).isEqualTo(resource("english-messages.txt"));
    }
}
