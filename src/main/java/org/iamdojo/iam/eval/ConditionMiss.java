package org.iamdojo.iam.eval;

import java.util.List;

/** The condition that failed: its operator, key and values, and the request's values (null = key absent). */
public record ConditionMiss(String operator, String key, List<String> policyValues, List<String> requestValues) {
}
