/**
 * Attempts: their stored records and durable event logs, and the live attempts rebuilt from them. Three types say
 * "attempt": {@link org.iamdojo.scenario.Attempt} is the sandbox of one scenario run with its steps, hints and
 * calls (no database); {@link org.iamdojo.training.attempt.AttemptRecord} is its stored row; {@link
 * org.iamdojo.training.attempt.LiveAttempt} joins the two while in use and writes every change to the log.
 */
@NullMarked
package org.iamdojo.training.attempt;

import org.jspecify.annotations.NullMarked;
