package org.iamdojo.iam.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines from a stream as {@link java.io.BufferedReader#readLine} over an {@code InputStreamReader} does
 * (a line ends at \n, \r or \r\n; a last line without an end counts; malformed bytes become U+FFFD), but without
 * decoding every byte to a char and building the line in a StringBuilder: each line is one {@code new String}
 * from the byte buffer (for ASCII, one vectorized check and one copy). Profiling repeated-policy lines showed the
 * reader path as about a quarter of the command's time.
 */
final class LineReader {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    /** The last line ended in \r: a \n right after it belongs to that line end. */
    private boolean skipLf;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its end, or {@code null} at the end of input. */
    String readLine() throws IOException {
        int scan = pos;
        while (true) {
            if (skipLf) {
                if (pos < lim) {
                    if (buf[pos] == '\n') {
                        pos++;
                    }
                    skipLf = false;
                    scan = pos;
                } else if (!fill()) {
                    skipLf = false;
                    return null;
                } else {
                    continue;
                }
            }
            byte[] b = buf;
            int i = scan;
            int n = lim;
            while (i < n && b[i] != '\n' && b[i] != '\r') {
                i++;
            }
            if (i < n) {
                String line = new String(b, pos, i - pos, StandardCharsets.UTF_8);
                skipLf = b[i] == '\r';
                pos = i + 1;
                return line;
            }
            scan = i - pos;
            if (!fill()) {
                if (pos < lim) {
                    String line = new String(buf, pos, lim - pos, StandardCharsets.UTF_8);
                    pos = lim;
                    return line;
                }
                return null;
            }
            scan += pos;
        }
    }

    /** Whether a line or part of one can be read without blocking (as {@link java.io.BufferedReader#ready}). */
    boolean ready() throws IOException {
        if (skipLf && pos >= lim && !eof && in.available() > 0) {
            fill();
        }
        if (skipLf && pos < lim) {
            if (buf[pos] == '\n') {
                pos++;
            }
            skipLf = false;
        }
        return pos < lim || (!eof && in.available() > 0);
    }

    /** Reads more input after the unread bytes (moved to the front, the buffer grown when full); false at end. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, lim);
            buf = bigger;
        }
        int r;
        do {
            r = in.read(buf, lim, buf.length - lim);
        } while (r == 0);
        if (r < 0) {
            eof = true;
            return false;
        }
        lim += r;
        return true;
    }
}
