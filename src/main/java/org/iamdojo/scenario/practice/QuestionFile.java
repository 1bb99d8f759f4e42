package org.iamdojo.scenario.practice;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The content of one {@code scenarios/questions/*.yaml} file: a list of questions. */
public record QuestionFile(@Nullable List<Question> questions) {

    /** Replaces an absent list with an empty one. */
    public QuestionFile {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
