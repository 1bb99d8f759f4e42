package org.iamdojo.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.iamdojo.iam.cli.AuthorizeCommand;

/**
 * The authorize command end to end over generated lines, for profiling (run it under JFR) and quick checks:
 * {@code AuthorizeThroughput distinct|repeated LINES ROUNDS}. Prints decisions per second of wall clock and of
 * CPU time: of the calling thread, and of the whole process (the command decides on several threads; the machine
 * may be shared, and CPU time is what the code costs whatever the load).
 */
public final class AuthorizeThroughput {
    private AuthorizeThroughput() {
    }

    /** Runs the rounds and prints one line per round. */
    public static void main(String[] args) {
        boolean distinct = !"repeated".equals(args[0]);
        int lines = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        byte[] input = AuthorizeCorpusGenerator.lines(lines, distinct, 42L);
        System.out.printf("%s: %d lines, %.1f kB per line%n", args[0], lines, input.length / 1024.0 / lines);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < rounds; r++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long process0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            AuthorizeCommand.run(new String[0], new ByteArrayInputStream(input),
                    new PrintStream(OutputStream.nullOutputStream()), System.err);
            long wall = System.nanoTime() - t0;
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            long process = os.getProcessCpuTime() - process0;
            System.out.printf("round %d: %,.0f decisions/s wall, calling thread %.1f us CPU/line, whole process"
                    + " (all threads, GC and JIT included) %.1f us CPU/line = %,.0f decisions per CPU second%n",
                    r, lines * 1e9 / wall, cpu / 1e3 / lines, process / 1e3 / lines, lines * 1e9 / process);
        }
    }
}
