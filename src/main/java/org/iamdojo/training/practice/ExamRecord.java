package org.iamdojo.training.practice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iamdojo.scenario.practice.ExamGrader;

/**
 * The stored facts of one exam.
 *
 * @param status IN_PROGRESS or FINISHED
 * @param questionIds the questions drawn for this exam, in the order shown
 * @param scenarioAttempts scenario id → the attempt id that the exam grades at submission
 * @param topics the per-topic breakdown once finished (weakest first), else empty
 */
public record ExamRecord(String id, long memberId, String certification, String status, Instant startedAt,
                         Instant deadline, Instant finishedAt, Integer score, Integer maxScore,
                         List<String> questionIds, Map<String, String> scenarioAttempts,
                         List<ExamGrader.TopicScore> topics) {

    /** Whether the exam was submitted (or closed at its deadline). */
    public boolean finished() {
        return "FINISHED".equals(status);
    }
}
