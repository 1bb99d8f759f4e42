package org.iamdojo.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.iamdojo.bench.AuthorizeCorpusGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link RawJsonTokens} gives Jackson's tokens (kind, text, line, column) for every text it takes, and takes no
 * text Jackson refuses: checked on realistic policy lines, re-spaced with \n, \r, \r\n and tabs, and on 40,000
 * broken variants of them.
 */
class RawJsonTokensTest {
    private static final JsonFactory JACKSON = JsonFactory.builder().build();
    private static final List<String> ODD = List.of("{", "}", "[", "]", "\"", ",", ":", "\\", " ", "\t", "\n", "\r",
            "\r\n", "null", "true", "1e999", "-0", "01", "1.", ".5", "-", "+1", "1e", "\u0000", "\u0001", "\uFEFF",
            "é", "한", "\uD800", "\\u0041", "\\uD83D\\uDE00", "\\u00G1", "\\x", "\\/", "{}", "[]", "\"\"", "nul", "truex",
            "0.5", "1E+2", "/*", "'", "NaN", "١", "\\u０041");

    @Test
    void sameTokensAsJacksonOrNotTaken() throws IOException {
        Random random = new Random(13);
        String corpus = new String(AuthorizeCorpusGenerator.lines(30, true, 3L), StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        for (String line : corpus.split("\n")) {
            texts.add(line);
            texts.add(line.replace(",", ",\n  ").replace(":[", ": [\r\n\t").replace("{", "{\r"));
        }
        int taken = 0;
        int refused = 0;
        for (int i = 0; i < 40_000; i++) {
            String base = texts.get(random.nextInt(texts.size()));
            String text = i < texts.size() ? texts.get(i) : mutate(base, random);
            List<String> raw = raw(text);
            List<String> jackson = jackson(text);
            if (raw != null) {
                taken++;
                assertThat(jackson).as(text).isEqualTo(raw);
            } else if (jackson == null) {
                refused++;
            }
        }
        assertThat(taken).isGreaterThan(5_000);
        assertThat(refused).isGreaterThan(5_000);
    }

    private static String mutate(String s, Random random) {
        String out = s;
        for (int k = 1 + random.nextInt(2); k > 0; k--) {
            int at = random.nextInt(out.length() + 1);
            String odd = ODD.get(random.nextInt(ODD.size()));
            out = switch (random.nextInt(4)) {
                case 0 -> out.substring(0, at) + odd + out.substring(at);
                case 1 -> out.substring(0, at) + out.substring(Math.min(out.length(), at + 1 + random.nextInt(4)));
                case 2 -> out.substring(0, Math.max(0, at - 1)) + odd + out.substring(at);
                default -> out.substring(0, at);
            };
        }
        return out;
    }

    /** The tokens, or null when the tokenizer does not take the text. */
    private static List<String> raw(String text) {
        RawJsonTokens p = new RawJsonTokens(text);
        List<String> out = new ArrayList<>();
        try {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                out.add(t + " " + (hasText(t) ? p.text() : "") + " @" + p.tokenLine() + ":" + p.tokenColumn());
            }
        } catch (RawJsonTokens.Odd e) {
            return null;
        }
        return out;
    }

    private static List<String> jackson(String text) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JACKSON.createParser(text)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                JsonLocation at = p.currentTokenLocation();
                out.add(t + " " + (hasText(t) ? p.getText() : "") + " @" + at.getLineNr() + ":" + at.getColumnNr());
            }
        } catch (IOException e) {
            return null;
        }
        return out;
    }

    private static boolean hasText(JsonToken t) {
        return t.isScalarValue() || t == JsonToken.FIELD_NAME;
    }
}
