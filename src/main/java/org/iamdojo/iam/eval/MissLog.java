package org.iamdojo.iam.eval;

import java.util.AbstractList;
import java.util.Arrays;

/**
 * The statements that did not apply, logged compactly (policy, statement index, layer, reason) during
 * evaluation and turned into {@link StatementMiss} records only when read. Read-only to callers.
 */
final class MissLog extends AbstractList<StatementMiss> {
    private static final PolicyLayer[] LAYERS = PolicyLayer.values();
    private static final MissReason[] REASONS = MissReason.values();

    private CompiledPolicy[] policies = new CompiledPolicy[16];
    private int[] codes = new int[16];
    private ConditionMiss[] details;
    private int size;

    void record(CompiledPolicy policy, int statementIndex, PolicyLayer layer, MissReason reason,
            ConditionMiss detail) {
        if (size == codes.length) {
            policies = Arrays.copyOf(policies, size * 2);
            codes = Arrays.copyOf(codes, size * 2);
            if (details != null) {
                details = Arrays.copyOf(details, size * 2);
            }
        }
        if (detail != null) {
            if (details == null) {
                details = new ConditionMiss[codes.length];
            }
            details[size] = detail;
        }
        policies[size] = policy;
        codes[size] = (statementIndex << 8) | (layer.ordinal() << 4) | reason.ordinal();
        size++;
    }

    @Override
    public StatementMiss get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        CompiledPolicy p = policies[i];
        int code = codes[i];
        CompiledStatement s = p.statements[code >>> 8];
        return new StatementMiss(p.id(), s.index, s.sid, s.effect, LAYERS[(code >>> 4) & 0xF], REASONS[code & 0xF],
                details == null ? null : details[i]);
    }

    @Override
    public int size() {
        return size;
    }
}
