package org.iamdojo.iam.eval;

import java.util.concurrent.ConcurrentHashMap;
import org.iamdojo.iam.policy.Glob;

/**
 * Compiled Action/NotAction patterns shared by all policies. Distinct policies still name actions from one small
 * vocabulary ("s3:GetObject", "ec2:Describe*"), so compiling each text once saves the lower-casing and matcher
 * building that a profile of distinct policies showed; a compiled {@link Glob} is immutable, so sharing is safe.
 * Bounded: past {@link #LIMIT} entries the table starts afresh (a crafted stream of unique patterns cannot grow it).
 */
final class ActionPatterns {
    static final int LIMIT = 8192;
    private static final ConcurrentHashMap<String, Glob> TABLE = new ConcurrentHashMap<>();

    private ActionPatterns() {
    }

    /** The case-insensitive matcher for one action pattern as written. */
    static Glob compile(String pattern) {
        Glob g = TABLE.get(pattern);
        if (g == null) {
            g = Glob.compile(pattern, true);
            if (TABLE.size() >= LIMIT) {
                TABLE.clear();
            }
            TABLE.put(pattern, g);
        }
        return g;
    }
}
