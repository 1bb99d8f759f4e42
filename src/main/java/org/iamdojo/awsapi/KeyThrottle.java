package org.iamdojo.awsapi;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per access key id: {@code perSecond} calls a second on average, bursts up to {@code burst}, so
 * one script cannot take the endpoint from a whole workshop. Time is read from {@link System#nanoTime()}.
 */
final class KeyThrottle {
    private static final int MAX_KEYS = 100_000;
    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    KeyThrottle(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    /** Takes one call for the key; false when its bucket is empty. */
    boolean tryAcquire(String accessKeyId, long nanoTime) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(accessKeyId, k -> new Bucket(burst, nanoTime)).take(nanoTime, perSecond, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized boolean take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - at) / 1e9 * perSecond);
            at = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
