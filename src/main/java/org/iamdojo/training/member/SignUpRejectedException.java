package org.iamdojo.training.member;

import java.util.List;

/** Thrown when a sign-up does not meet the username and password rules; carries every problem found. */
public class SignUpRejectedException extends RuntimeException {

    private final transient List<SignUpProblem> problems;

    /** Rejection with the given problems (at least one). */
    public SignUpRejectedException(List<SignUpProblem> problems) {
        super("Sign-up rejected: " + problems);
        this.problems = List.copyOf(problems);
    }

    /** All problems, in field order. */
    public List<SignUpProblem> problems() {
        return problems;
    }
}
