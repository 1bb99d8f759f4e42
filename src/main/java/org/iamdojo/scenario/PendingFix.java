package org.iamdojo.scenario;

import java.util.function.Supplier;

/**
 * The smallest fix of a failed least-privilege check, worked out only when someone asks for it and then kept: the
 * search re-runs the proof for each candidate narrowing and can take seconds (bounded by
 * {@code org.iamdojo.iam.analysis.SmallestFix}), so grading does not pay for it on every failed check. Thread-safe;
 * two callers asking at once wait for the one computation.
 */
public final class PendingFix {
    private Supplier<GradeReport.Fix> work;
    private GradeReport.Fix fix;

    /** A fix that {@code work} computes on the first {@link #get()}. */
    public PendingFix(Supplier<GradeReport.Fix> work) {
        this.work = work;
    }

    /** A fix already known (nothing left to compute). */
    public static PendingFix of(GradeReport.Fix fix) {
        PendingFix p = new PendingFix(() -> fix);
        p.get();
        return p;
    }

    /** The fix, computed now if it is the first call; later calls return the same fix. */
    public synchronized GradeReport.Fix get() {
        if (fix == null) {
            fix = work.get();
            work = null; // what the computation needed (policies, the sandbox) is no longer held
        }
        return fix;
    }

    /** True once the fix has been computed: {@link #get()} then returns at once. */
    public synchronized boolean computed() {
        return fix != null;
    }
}
