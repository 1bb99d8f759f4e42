package org.iamdojo.iam.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Hashing of sandbox passwords and secret keys (the sandbox never stores them in clear). */
public final class Secrets {
    private static final int ITERATIONS = 10_000;

    private Secrets() {
    }

    /** A salted PBKDF2 hash of a console password; the salt comes from the caller's id generator. */
    public static String hashPassword(String password, String salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), ITERATIONS, 256);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return "pbkdf2$" + salt + "$" + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a password matches a hash made by {@link #hashPassword}. */
    public static boolean passwordMatches(String password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$", 3);
        return parts.length == 3 && MessageDigest.isEqual(
                hashPassword(password, parts[1]).getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
    }

    /** A SHA-256 hash of a high-entropy secret (access key secrets, session tokens). */
    public static String hashSecret(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a secret with its stored hash. */
    public static boolean secretMatches(String secret, String storedHash) {
        return storedHash != null && MessageDigest.isEqual(
                hashSecret(secret).getBytes(StandardCharsets.UTF_8), storedHash.getBytes(StandardCharsets.UTF_8));
    }
}
