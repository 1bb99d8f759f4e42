package org.iamdojo.iam.account;

import java.time.Instant;

/** A console password of a user (hashed) and whether it must be changed at next sign-in. */
public record LoginProfile(String passwordHash, Instant createDate, boolean passwordResetRequired) {
}
