package org.iamdojo.iam.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed IAM policy document. {@code version} is null when absent (AWS then behaves as 2008-10-17:
 * no policy variables). {@code statementIsArray} tells whether Statement was written as an array.
 */
public record PolicyDocument(
        String version,
        String id,
        List<Statement> statements,
        boolean statementIsArray,
        Map<String, SourceLocation> elementLocations) {

    /** The current policy language version; the only one that substitutes policy variables. */
    public static final String VERSION_2012 = "2012-10-17";
    /** The older policy language version (no policy variables). */
    public static final String VERSION_2008 = "2008-10-17";

    /** Copies collections so the document is immutable. */
    public PolicyDocument {
        statements = List.copyOf(statements);
        elementLocations = elementLocations == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(elementLocations));
    }

    /** True when policy variables such as {@code ${aws:username}} are substituted (Version 2012-10-17 only). */
    public boolean supportsPolicyVariables() {
        return VERSION_2012.equals(version);
    }
}
