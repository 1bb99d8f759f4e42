package org.iamdojo.iam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LineReader} gives the lines {@link BufferedReader#readLine} gives over UTF-8, for any bytes. */
class LineReaderTest {
    private static final byte[] PIECES = "ab{\"é한😀\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void sameLinesAsBufferedReaderForRandomBytesAndReadSizes() throws IOException {
        Random random = new Random(13);
        for (int round = 0; round < 3000; round++) {
            byte[] input = new byte[random.nextInt(round < 2900 ? 60 : 200_000)];
            for (int i = 0; i < input.length; i++) {
                // Mostly characters and line ends that matter, sometimes any byte (malformed UTF-8 too).
                input[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : PIECES[random.nextInt(PIECES.length)];
            }
            List<String> expected = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(input),
                    StandardCharsets.UTF_8)).lines().toList();
            LineReader reader = new LineReader(new Trickle(input, random));
            List<String> actual = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                actual.add(line);
            }
            assertThat(actual).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void readyAfterACarriageReturnIgnoresTheLineFeedThatEndsTheSameLine() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream("a\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(reader.readLine()).isEqualTo("a");
        assertThat(reader.ready()).isFalse();
        assertThat(reader.readLine()).isNull();
    }

    /** Hands out the bytes a few at a time, as a pipe does. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final Random random;
        private int at;

        Trickle(byte[] data, Random random) {
            this.data = data;
            this.random = random;
        }

        @Override
        public int read() {
            return at < data.length ? data[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 7 : 70_000)), data.length - at);
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return data.length - at;
        }
    }
}
