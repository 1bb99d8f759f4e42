package org.iamdojo.ui.practice;

/** Addresses of the views the practice pages link to, kept in one place. */
final class Links {
    private Links() {
    }

    /** The scenario player of a scenario. */
    static String play(String scenarioId) {
        return "play/" + scenarioId;
    }

    /** The practice path of a certification. */
    static String practice(String certification) {
        return "practice/" + certification;
    }

    /** The exam of a certification. */
    static String exam(String certification) {
        return "exam/" + certification;
    }

    /** The result page of an exam. */
    static String examResult(String examId) {
        return "exam-result/" + examId;
    }
}
