package org.iamdojo.iam.account;

/** An error as AWS reports it: an error code (e.g. NoSuchEntity), a message and the HTTP status. */
public class AwsException extends RuntimeException {
    private final String code;
    private final int httpStatus;
    private final transient Object detail;

    public AwsException(String code, int httpStatus, String message) {
        this(code, httpStatus, message, null);
    }

    /** An error with a structured detail for the UI (a Decision trace, validation findings). */
    public AwsException(String code, int httpStatus, String message, Object detail) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
        this.detail = detail;
    }

    /** AWS's error code, e.g. EntityAlreadyExists. */
    public String code() { return code; }

    /** The HTTP status AWS answers with. */
    public int httpStatus() { return httpStatus; }

    /** Extra machine-readable detail (Decision, findings), or null. */
    public Object detail() { return detail; }

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
