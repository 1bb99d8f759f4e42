package org.iamdojo.scenario.practice;

import java.util.List;
import org.iamdojo.scenario.Text;
import org.jspecify.annotations.Nullable;

/**
 * The practice path of one certification, as read from {@code scenarios/paths/<certification>.yaml}: an ordered
 * list of scenarios and questions, and how its timed exam is put together.
 */
public record PracticePath(
        @Nullable String certification,
        @Nullable Text title,
        @Nullable Text summary,
        @Nullable List<Item> items,
        @Nullable Exam exam) {

    /** Replaces an absent item list with an empty one. */
    public PracticePath {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One stop on the path: either a scenario (by id) or a knowledge question (by id). */
    public record Item(@Nullable String scenario, @Nullable String question) {
        /** Whether this item is a scenario. */
        public boolean isScenario() {
            return scenario != null;
        }
    }

    /**
     * The exam: its duration, how many questions are drawn from the certification's questions, the scenarios
     * it includes and how many exam points one scenario is worth (its score is scaled to them).
     */
    public record Exam(@Nullable Integer minutes, @Nullable Integer questions, @Nullable List<String> scenarios,
                       @Nullable Integer scenarioPoints) {
        /** Replaces an absent scenario list with an empty one. */
        public Exam {
            scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        }
    }
}
