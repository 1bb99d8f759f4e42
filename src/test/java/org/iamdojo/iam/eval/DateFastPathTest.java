package org.iamdojo.iam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast reading of {@code YYYY-MM-DDTHH:MM:SSZ} in date conditions gives what the java.time reading gives, for
 * valid and impossible dates alike (date condition operators:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date).
 */
class DateFastPathTest {
    @Test
    void sameInstantAsIsoParsing() {
        List<String> texts = new ArrayList<>(List.of("2025-02-28T23:59:59Z", "2024-02-29T00:00:00Z",
                "2025-02-29T00:00:00Z", "2025-04-31T10:00:00Z", "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z",
                "2025-01-00T00:00:00Z", "2025-01-01T24:00:00Z", "2025-01-01T23:60:00Z", "2025-01-01T23:00:60Z",
                "1969-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2025-1a-01T00:00:00Z",
                "2025-01-01T00:00:00z", "2025-01-01 00:00:00Z", "+2025-01-01T00:00:00Z"));
        Random rnd = new Random(3);
        for (int i = 0; i < 5000; i++) {
            texts.add(String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", 1900 + rnd.nextInt(300), 1 + rnd.nextInt(12),
                    1 + rnd.nextInt(31), rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60)));
        }
        for (String t : texts) {
            long expected;
            try {
                expected = OffsetDateTime.parse(t.replace('z', 'Z')).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                expected = Long.MIN_VALUE;
            }
            assertEquals(expected, CompiledCondition.parseDate(t), t);
        }
    }
}
