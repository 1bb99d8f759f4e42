package org.iamdojo.iam.account;

import java.util.SplittableRandom;

/**
 * Generates AWS-shaped ids and secrets from a seed, so that replaying a sandbox's operations in order
 * rebuilds exactly the same ids and keys.
 */
public final class IdGenerator {
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private SplittableRandom random;

    public IdGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Restarts the sequence from a new seed. */
    public synchronized void reseed(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A unique id with AWS's 4-letter prefix (AIDA user, AGPA group, AROA role, ANPA policy, AKIA key…). */
    public synchronized String uniqueId(String prefix, int length) {
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < length) {
            sb.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** A 40-character secret access key. */
    public synchronized String secret(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(SECRET_ALPHABET[random.nextInt(SECRET_ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** A 32-character base32 TOTP secret. */
    public synchronized String base32(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return sb.toString();
    }
}
