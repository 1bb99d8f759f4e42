package org.iamdojo.training.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attempt log's cipher: a 0600 key file made on first start, AES-GCM bound to the attempt id. */
class LogCipherTest {
    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyKeyFileOnceAndReadsWhatItWrote() throws Exception {
        LogCipher first = new LogCipher(dir.resolve("data").toString());
        Path key = dir.resolve("data/log-secret.key");
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String sealed = first.encrypt("Sandbox-Pass-1!", "attempt-a");
        assertThat(sealed).startsWith("enc:v1:").doesNotContain("Sandbox-Pass-1!");
        assertThat(first.encrypt("Sandbox-Pass-1!", "attempt-a")).isNotEqualTo(sealed); // fresh nonce each time

        LogCipher afterRestart = new LogCipher(dir.resolve("data").toString());
        assertThat(afterRestart.decrypt(sealed, "attempt-a")).isEqualTo("Sandbox-Pass-1!");
        assertThat(afterRestart.decrypt("legacy-clear", "attempt-a")).isEqualTo("legacy-clear");
        assertThatThrownBy(() -> afterRestart.decrypt(sealed, "attempt-b")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("attempt-b");
        assertThatThrownBy(() -> new LogCipher(dir.resolve("other").toString()).decrypt(sealed, "attempt-a"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDamagedKeyFileIsAClearError() throws Exception {
        Files.writeString(dir.resolve("log-secret.key"), "short");
        assertThatThrownBy(() -> new LogCipher(dir.toString())).hasMessageContaining("must hold 32 bytes");
    }
}
