package org.iamdojo.iam.cloud;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The catalogue of tasks only the root user can do, read strictly from {@code iam/root-only-tasks.json}; each
 * task names the AWS page it comes from and the sandbox operation that represents it.
 */
public record RootOnlyTasks(String source, Refusal refusal, List<Task> tasks) {
    private static final String RESOURCE = "/iam/root-only-tasks.json";

    /** The tasks shipped with the engine. */
    public static RootOnlyTasks load() {
        try (InputStream in = RootOnlyTasks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            return mapper.readValue(in, RootOnlyTasks.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The tasks that {@link RootOnlyOperations} registers (refused to every IAM principal). */
    public List<Task> rootOnly() {
        return tasks.stream().filter(Task::isRootOnlyOperation).toList();
    }

    /** Tasks AWS once reserved for root that IAM policies now govern (registered as ordinary operations). */
    public List<Task> formerlyRootOnly() {
        return tasks.stream().filter(t -> "iam".equals(t.kind())).toList();
    }

    /** The documented answer given to a non-root caller, and where AWS says it. */
    public record Refusal(String message, String source) {
    }

    /**
     * One task.
     *
     * @param kind "root-only": a sandbox operation refused to everyone but root; "as-root": an ordinary operation
     *             that only the root user can complete in the situation the task describes; "iam": once
     *             root-only, now an ordinary operation that IAM policies allow with {@code iamAction}
     * @param historical true when AWS listed the task once but no longer does
     */
    public record Task(String id, String name, String service, String operation, String kind, String note,
                       boolean historical, String source, String iamAction) {
        /** Whether the task is its own root-only operation. */
        public boolean isRootOnlyOperation() {
            return "root-only".equals(kind);
        }

        /** service:Operation, the action the engine authorizes for root (SCPs still apply). */
        public String action() {
            return service + ":" + operation;
        }
    }
}
