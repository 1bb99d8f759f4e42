package org.iamdojo.training.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the few secrets the attempt log must keep to rebuild a sandbox (sandbox console passwords) with
 * AES-256-GCM under a key file created in the data folder on first start ({@code log-secret.key}, owner-only 0600).
 * Values read {@code enc:v1:<base64 of 12-byte nonce + ciphertext + tag>}; the attempt id is the associated data,
 * so a value copied into another attempt's log does not open. Values written before this (no prefix) read as they are.
 * https://docs.oracle.com/en/java/javase/17/docs/specs/security/standard-names.html#cipher-algorithm-names
 */
@Component
public class LogCipher {
    static final String PREFIX = "enc:v1:";
    private static final String KEY_FILE = "log-secret.key";
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public LogCipher(@Value("${iamdojo.data-dir:./data}") String dataDir) {
        this(Path.of(dataDir).resolve(KEY_FILE));
    }

    LogCipher(Path keyFile) {
        this.key = new SecretKeySpec(loadOrCreate(keyFile), "AES");
    }

    private byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(file, fresh);
                } catch (FileAlreadyExistsException raced) {
                    // another start created it first: use that one
                } catch (UnsupportedOperationException notPosix) {
                    Files.write(file, fresh);
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != 32) {
                throw new IllegalStateException("The key file " + file.toAbsolutePath() + " must hold 32 bytes, it holds "
                        + bytes.length + "; restore it from a backup (values encrypted with it cannot be read otherwise).");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file.toAbsolutePath(), e);
        }
    }

    /** The encrypted form of a value, bound to the attempt it belongs to. */
    public String encrypt(String plain, String attemptId) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(attemptId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The value an {@link #encrypt} form holds (a value without the prefix is returned as it is). */
    public String decrypt(String stored, String attemptId) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(attemptId.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("An encrypted value of attempt " + attemptId + " does not open with the key "
                    + "file in the data folder (was " + KEY_FILE + " replaced?)", e);
        }
    }
}
