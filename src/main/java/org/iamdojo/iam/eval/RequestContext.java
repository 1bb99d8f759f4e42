package org.iamdojo.iam.eval;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request context: condition keys (case-insensitive) to their values. A key that is not present is
 * absent — no value is ever invented for it.
 */
public final class RequestContext {
    private static final RequestContext EMPTY = new RequestContext(Map.of(), Map.of());

    private final Map<String, List<String>> byLowerKey;
    private final Map<String, List<String>> asGiven;

    private RequestContext(Map<String, List<String>> byLowerKey, Map<String, List<String>> asGiven) {
        this.byLowerKey = byLowerKey;
        this.asGiven = asGiven;
    }

    /** An empty context. */
    public static RequestContext empty() {
        return EMPTY;
    }

    /** A context with these keys and values (the last one wins when two keys differ only in case). */
    public static RequestContext of(Map<String, List<String>> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> lower = new HashMap<>(values.size() * 2);
        Map<String, List<String>> given = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            List<String> copy = List.copyOf(v);
            lower.put(k.toLowerCase(Locale.ROOT), copy);
            given.put(k, copy);
        });
        return new RequestContext(lower, Collections.unmodifiableMap(given));
    }

    /** The values of a key, or null when the key is absent. */
    public List<String> get(String key) {
        return byLowerKey.get(key.toLowerCase(Locale.ROOT));
    }

    /** Lookup for a key already lower-cased (hot path). */
    List<String> getLower(String lowerKey) {
        return byLowerKey.get(lowerKey);
    }

    /** Whether the key is present. */
    public boolean contains(String key) {
        return byLowerKey.containsKey(key.toLowerCase(Locale.ROOT));
    }

    /** The keys and values as given. */
    public Map<String, List<String>> asMap() {
        return asGiven;
    }

    /** A copy with the given keys added where this context has no value for them. */
    public RequestContext withDefaults(Map<String, List<String>> defaults) {
        Map<String, List<String>> merged = new LinkedHashMap<>(asGiven);
        defaults.forEach((k, v) -> {
            if (!contains(k)) {
                merged.put(k, v);
            }
        });
        return merged.size() == asGiven.size() ? this : of(merged);
    }
}
