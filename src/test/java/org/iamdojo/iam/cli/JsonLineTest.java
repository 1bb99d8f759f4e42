package org.iamdojo.iam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The authorize command's own JSON writer writes byte for byte what Jackson's default generator writes. */
class JsonLineTest {
    @Test
    void sameTextAsJacksonForEveryKindOfCharacter() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        String tricky = all + "\ud83d\ude00 \ud800 \"quoted\" back\\slash /slash \u2028";
        for (String value : List.of("", "plain", tricky, "\u0000\u001f\u007f")) {
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
                g.writeStartObject();
                g.writeStringField("k" + value, value);
                g.writeNumberField("n", -42);
                g.writeArrayFieldStart("a");
                g.writeString(value);
                g.writeString(value);
                g.writeEndArray();
                g.writeObjectFieldStart("o");
                g.writeArrayFieldStart("e");
                g.writeEndArray();
                g.writeStringField("z", null);
                g.writeEndObject();
                g.writeEndObject();
            }
            String ours = new JsonLine(16).startObject().string("k" + value, value).number("n", -42)
                    .strings("a", List.of(value, value)).startObject("o").strings("e", List.of())
                    .string("z", null).endObject().endObject().toString();
            assertEquals(sw.toString(), ours);
        }
    }
}
