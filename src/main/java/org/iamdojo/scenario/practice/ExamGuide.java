package org.iamdojo.scenario.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iamdojo.scenario.Text;
import org.jspecify.annotations.Nullable;

/**
 * The outline of one certification's exam guide, as read from {@code scenarios/guides/<certification>.yaml}: its
 * content domains with their weights (share of the scored content, in %) and task statements, numbered as in the
 * guide. Questions are tagged with these task statements ({@code SCS-C02/4.2}); exams are drawn by the weights.
 */
public record ExamGuide(
        @Nullable String certification,
        @Nullable Text title,
        @Nullable String source,
        @Nullable List<Domain> domains) {

    /** Replaces an absent domain list with an empty one. */
    public ExamGuide {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /** A content domain: its number, title, weight in % and task statements. */
    public record Domain(@Nullable Integer number, @Nullable Text title, @Nullable Integer weight,
                         @Nullable List<Task> tasks) {
        /** Replaces an absent task list with an empty one. */
        public Domain {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    /**
     * A task statement: its number as in the guide ("4.2"), its title and whether it is about identity and access
     * (those must be practised by at least three questions).
     */
    public record Task(@Nullable String id, @Nullable String en, @Nullable String ko, @Nullable Boolean iam) {
        /** The title as a {@link Text}. */
        public Text text() {
            return new Text(en, ko);
        }

        /** Whether the task statement is about identity and access management. */
        public boolean iamRelated() {
            return Boolean.TRUE.equals(iam);
        }
    }

    /** Every task statement of the guide, in the guide's order. */
    public List<Task> tasks() {
        List<Task> all = new ArrayList<>();
        domains().forEach(d -> all.addAll(d.tasks()));
        return all;
    }

    /** The task statement with that number ("4.2"), when the guide has it. */
    public Optional<Task> task(String number) {
        return tasks().stream().filter(t -> number.equals(t.id())).findFirst();
    }

    /** The domain a task statement belongs to ("4.2" → domain 4), when the guide has it. */
    public Optional<Domain> domainOf(String taskNumber) {
        return domains().stream().filter(d -> d.tasks().stream().anyMatch(t -> taskNumber.equals(t.id()))).findFirst();
    }

    /** A tag as written in question files: {@code SCS-C02/4.2}. */
    public static String tag(String certification, String taskNumber) {
        return certification + "/" + taskNumber;
    }
}
