package org.iamdojo.iam.account;

import java.util.List;
import org.iamdojo.iam.eval.Decision;
import org.jspecify.annotations.Nullable;

/** An error as AWS reports it: an error code (e.g. NoSuchEntity), a message and the HTTP status. */
public class AwsException extends RuntimeException {
    private final String code;
    private final int httpStatus;
    private final transient @Nullable Decision decision;
    private final List<String> findings;

    public AwsException(String code, int httpStatus, String message) {
        this(code, httpStatus, message, null, List.of());
    }

    /** An error with the engine's Decision trace for the UI's "Why?" (an AccessDenied). */
    public AwsException(String code, int httpStatus, String message, @Nullable Decision decision) {
        this(code, httpStatus, message, decision, List.of());
    }

    private AwsException(String code, int httpStatus, String message, @Nullable Decision decision,
                         List<String> findings) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
        this.decision = decision;
        this.findings = List.copyOf(findings);
    }

    /** An error with the located findings of a document the validator rejected (MalformedPolicyDocument). */
    public static AwsException withFindings(String code, int httpStatus, String message, List<String> findings) {
        return new AwsException(code, httpStatus, message, null, findings);
    }

    /** AWS's error code, e.g. EntityAlreadyExists. */
    public String code() { return code; }

    /** The HTTP status AWS answers with. */
    public int httpStatus() { return httpStatus; }

    /** The engine's Decision behind an AccessDenied, or null. */
    public @Nullable Decision decision() { return decision; }

    /** The validator's findings behind a rejected document ("line:column ERROR CODE message"); empty otherwise. */
    public List<String> findings() { return findings; }

    public static AwsException noSuchEntity(String message) {
        return new AwsException("NoSuchEntity", 404, message);
    }

    public static AwsException alreadyExists(String message) {
        return new AwsException("EntityAlreadyExists", 409, message);
    }

    public static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceeded", 409, message);
    }

    public static AwsException deleteConflict(String message) {
        return new AwsException("DeleteConflict", 409, message);
    }

    public static AwsException validation(String message) {
        return new AwsException("ValidationError", 400, message);
    }

    public static AwsException invalidInput(String message) {
        return new AwsException("InvalidInput", 400, message);
    }
}
