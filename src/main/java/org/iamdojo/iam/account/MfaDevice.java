package org.iamdojo.iam.account;

import java.time.Instant;

/** A virtual MFA device: its serial ARN and the base32 TOTP secret shared with the authenticator app. */
public record MfaDevice(String serialNumber, String base32Secret, Instant enableDate) {
}
