package org.iamdojo.iam.eval;

import org.iamdojo.iam.policy.PolicyDocument;
import org.iamdojo.iam.policy.PolicyParseException;
import org.iamdojo.iam.policy.PolicyParser;

/**
 * A policy document with all its matchers built once, ready to evaluate many requests. Immutable and
 * thread-safe; {@link #withId} gives the same compiled statements a different name in traces.
 */
public final class CompiledPolicy {
    private final String id;
    private final PolicyDocument document;
    final CompiledStatement[] statements;

    private CompiledPolicy(String id, PolicyDocument document, CompiledStatement[] statements) {
        this.id = id;
        this.document = document;
        this.statements = statements;
    }

    /** Compiles a parsed document; {@code id} names it in traces (defaults to the document's Id). */
    public static CompiledPolicy compile(PolicyDocument document, String id) {
        boolean vars = document.supportsPolicyVariables();
        CompiledStatement[] st = new CompiledStatement[document.statements().size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = new CompiledStatement(i, document.statements().get(i), vars);
        }
        String name = id != null ? id : document.id() != null ? document.id() : "policy";
        return new CompiledPolicy(name, document, st);
    }

    /** Parses and compiles policy JSON. */
    public static CompiledPolicy parse(String json, String id) throws PolicyParseException {
        return compile(PolicyParser.parse(json), id);
    }

    /** The same compiled policy under another name. */
    public CompiledPolicy withId(String newId) {
        return newId.equals(id) ? this : new CompiledPolicy(newId, document, statements);
    }

    /** The name used in traces. */
    public String id() {
        return id;
    }

    /** The parsed document. */
    public PolicyDocument document() {
        return document;
    }
}
