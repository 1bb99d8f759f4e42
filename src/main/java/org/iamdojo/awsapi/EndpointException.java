package org.iamdojo.awsapi;

import org.iamdojo.iam.account.AwsException;

/** An error the endpoint answers before the sandbox is reached (authentication, protocol), in AWS's words. */
public final class EndpointException extends AwsException {
    public EndpointException(String code, int httpStatus, String message) {
        super(code, httpStatus, message);
    }
}
