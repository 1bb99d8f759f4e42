package org.iamdojo.iam.policy.validation;

import java.util.List;
import java.util.function.Function;

/**
 * One validation finding at a 1-based line and column of the policy text: what it is ({@link FindingCode}) and
 * the words its message is made of (element names, values from the policy, terms); the message itself is a
 * translatable text.
 */
public record Finding(FindingCode code, List<String> arguments, int line, int column) {
    /** A finding; the arguments are copied. */
    public Finding {
        arguments = List.copyOf(arguments);
    }

    /** The finding's type, from its code. */
    public Severity severity() {
        return code.severity();
    }

    /** The issue code as IAM Access Analyzer reports it, e.g. INVALID_ACTION. */
    public String issueCode() {
        return code.issueCode();
    }

    /**
     * The arguments to fill the message pattern of {@link FindingCode#messageKey()} with: each term replaced by
     * {@code text} of its key ({@link FindingCode#termKey(String)}), the others as they are.
     */
    public Object[] messageArguments(Function<String, String> text) {
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            String a = arguments.get(i);
            values[i] = code.isTerm(i) ? text.apply(FindingCode.termKey(a)) : a;
        }
        return values;
    }

    /** The message in English (the CLI's, the sandbox's errors and the scenario checks' language). */
    public String message() {
        return FindingMessages.english(this);
    }

    /** The finding as one CLI line: {@code LINE:COL SEVERITY CODE message}. */
    public String format() {
        return line + ":" + column + " " + severity() + " " + issueCode() + " " + message();
    }
}
