package org.iamdojo.training.workshop;

import java.security.SecureRandom;
import java.util.Locale;

/** Short join codes people can read aloud and type: no 0/O, 1/I/L, 5/S or 2/Z look-alikes. */
final class JoinCodes {
    static final String ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789";
    static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {
    }

    /** A random code. */
    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, made comparable: trimmed, upper case, spaces and dashes dropped. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }
}
