package org.iamdojo.scenario;

/**
 * A hint the learner opened: its step and its place in the step, both 1-based as the player shows them.
 *
 * @param step the step (1-based)
 * @param hint the hint within the step (1-based)
 */
public record HintUse(int step, int hint) {

    /** The hint of the scenario this names. */
    Scenario.Hint in(Scenario scenario) {
        return scenario.steps().get(step - 1).hints().get(hint - 1);
    }
}
