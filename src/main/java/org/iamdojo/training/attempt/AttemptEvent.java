package org.iamdojo.training.attempt;

import java.time.Instant;

/**
 * One entry of an attempt's durable log.
 *
 * @param kind what the entry records (stored by name)
 * @param payload JSON
 */
public record AttemptEvent(String attemptId, int seq, AttemptEventKind kind, Instant occurredAt, String payload) {
}
