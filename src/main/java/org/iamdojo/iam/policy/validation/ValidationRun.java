package org.iamdojo.iam.policy.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iamdojo.iam.policy.catalog.ActionCatalog;
import org.iamdojo.iam.policy.LocatedJson.Arr;
import org.iamdojo.iam.policy.LocatedJson.Field;
import org.iamdojo.iam.policy.LocatedJson.Node;
import org.iamdojo.iam.policy.LocatedJson.Scalar;
import org.jspecify.annotations.Nullable;

/** The state of one validation: what is checked, against what, and the findings so far. */
final class ValidationRun {
    final PolicyType type;
    final ActionCatalog catalog;
    final ArnShapes arnShapes;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> sids = new HashSet<>();
    /** Policy variables work only in 2012-10-17 documents; a document without Version is 2008-10-17. */
    boolean variablesSupported;

    ValidationRun(PolicyType type, ActionCatalog catalog, ArnShapes arnShapes) {
        this.type = type;
        this.catalog = catalog;
        this.arnShapes = arnShapes;
    }

    void report(FindingCode code, int line, int column, String... arguments) {
        findings.add(new Finding(code, List.of(arguments), line, column));
    }

    void report(FindingCode code, Node at, String... arguments) {
        report(code, at.line(), at.column(), arguments);
    }

    void report(FindingCode code, Field at, String... arguments) {
        report(code, at.line(), at.column(), arguments);
    }

    /** Whether {@code sid} is new in this document (statement IDs must be unique). */
    boolean firstUseOfSid(String sid) {
        return sids.add(sid);
    }

    /** The findings by position (line, column, then the most serious first). */
    List<Finding> findings() {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column)
                .thenComparing(Finding::severity));
        return List.copyOf(sorted);
    }

    /**
     * The string values of an element that takes a string or an array of strings; reports other shapes, and an
     * empty array with {@code emptyCode} when given.
     */
    List<Scalar> strings(@Nullable Field field, @Nullable FindingCode emptyCode) {
        if (field == null) {
            return List.of();
        }
        Node value = field.value();
        if (value instanceof Scalar s && s.isString()) {
            return List.of(s);
        }
        if (value instanceof Arr arr) {
            if (arr.items().isEmpty() && emptyCode != null) {
                report(emptyCode, arr, field.name());
            }
            List<Scalar> out = new ArrayList<>();
            for (Node item : arr.items()) {
                if (item instanceof Scalar s && s.isString()) {
                    out.add(s);
                } else {
                    report(FindingCode.VALUE_NOT_STRING, item, field.name(), item.typeName());
                }
            }
            return out;
        }
        report(FindingCode.ELEMENT_NOT_STRINGS, value, field.name(), value.typeName());
        return List.of();
    }

    /** Policy variables are literal text in 2008-10-17 documents, which is rarely what the author meant. */
    void variables(Scalar s) {
        String v = s.text();
        int start = v.indexOf("${");
        if (start < 0) {
            return;
        }
        if (!variablesSupported) {
            report(FindingCode.VARIABLE_UNSUPPORTED_IN_VERSION, s, v);
        } else if (v.indexOf('}', start) < 0) {
            report(FindingCode.MISSING_BRACE_IN_VARIABLE, s, v);
        }
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /** A segment with no wildcard and no policy variable can be checked literally. */
    static boolean isLiteral(String segment) {
        return !hasWildcard(segment) && !segment.contains("${");
    }
}
