package org.iamdojo.training.storage;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns HSQLDB's "lock acquisition failure" (another running IAM Dojo already uses the data folder) into a
 * one-paragraph explanation instead of a stack trace.
 */
public class DataDirLockedFailureAnalyzer implements FailureAnalyzer {

    private final String dataDir;

    /** Analyzer that names the configured data folder (Spring Boot passes the environment in). */
    public DataDirLockedFailureAnalyzer(Environment environment) {
        this.dataDir = environment.getProperty("iamdojo.data-dir", "./data");
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (@Nullable Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("lock acquisition failure")) {
                return new FailureAnalysis(description(dataDir), action(), t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static String description(String dataDir) {
        return "IAM Dojo could not open its database in the data folder '" + dataDir + "' because another "
                + "running IAM Dojo (or another program using HSQLDB) holds the folder's lock file. Two "
                + "instances must never share one data folder, so this one stopped without touching the data.";
    }

    static String action() {
        return "Stop the other instance first, or start this one with a different folder, for example "
                + "IAMDOJO_DATA_DIR=./data-2 mvn spring-boot:run. If no other instance is running, wait ten "
                + "seconds and start again: a lock left by a crashed instance expires on its own.";
    }
}
