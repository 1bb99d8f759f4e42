package org.iamdojo.training.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** A data folder held by another live process gives one clear paragraph, not a stack trace. */
class DataDirLockedFailureAnalyzerTest {

    @TempDir
    Path dataDir;

    // HSQLDB's lock file: the magic word and a heartbeat timestamp refreshed by the owning process.
    private void writeFreshLockFile() throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dataDir.resolve("iamdojo.lck")))) {
            out.writeBytes("HSQLLOCK");
            out.writeLong(System.currentTimeMillis());
        }
    }

    @Test
    void lockHeldByAnotherProcessIsExplained() throws IOException {
        writeFreshLockFile();
        String url = "jdbc:hsqldb:file:" + dataDir.resolve("iamdojo") + ";hsqldb.lock_file=true";
        SQLException failure = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url, "SA", "").close());
        Throwable startupFailure = new BeanCreationException("flywayInitializer", "Failed", failure);

        FailureAnalysis analysis = new DataDirLockedFailureAnalyzer(
                new MockEnvironment().withProperty("iamdojo.data-dir", dataDir.toString())).analyze(startupFailure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains(dataDir.toString()).contains("another running IAM Dojo");
        assertThat(analysis.getAction()).contains("IAMDOJO_DATA_DIR");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(new DataDirLockedFailureAnalyzer(new MockEnvironment())
                .analyze(new IllegalStateException("port 8080 in use"))).isNull();
    }

    @Test
    void staleLockFromACrashIsTakenOver() throws Exception {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dataDir.resolve("iamdojo.lck")))) {
            out.writeBytes("HSQLLOCK");
            out.writeLong(System.currentTimeMillis() - 60_000);
        }
        String url = "jdbc:hsqldb:file:" + dataDir.resolve("iamdojo") + ";hsqldb.lock_file=true";
        try (var connection = DriverManager.getConnection(url, "SA", "");
                var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        assertThatThrownBy(() -> Files.readAllBytes(dataDir.resolve("iamdojo.lck")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
