package org.iamdojo.iam.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options the AWS CLI accepts for each operation (from botocore's service models, {@code cli-options.txt}),
 * so the terminal refuses an unknown option as the CLI does, and the closest command names for a typo.
 */
final class CliOptions {
    /** Options the CLI adds to every operation (pagination, skeletons, input files). */
    private static final Set<String> EVERY_OPERATION = Set.of("max-items", "starting-token", "page-size",
            "cli-input-json", "cli-input-yaml", "generate-cli-skeleton");
    private static final Map<String, Set<String>> OPTIONS = load();

    private CliOptions() {
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> out = new HashMap<>();
        try (InputStream in = CliOptions.class.getResourceAsStream("cli-options.txt")) {
            if (in == null) {
                throw new IllegalStateException("cli-options.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.trim().split(" ");
                out.put(words[0], Set.of(Arrays.copyOfRange(words, 1, words.length)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }

    /**
     * The options in {@code args} that {@code service:operation} does not have ({@code --no-x} counts as
     * {@code --x}); empty when the operation is not in the AWS models (a sandbox-only task) or all are known.
     */
    static List<String> unknown(String service, String operation, List<String> args) {
        Set<String> known = OPTIONS.get(service + ":" + operation);
        List<String> unknown = new ArrayList<>();
        if (known == null) {
            return unknown;
        }
        for (String a : args) {
            if (!a.startsWith("--")) {
                continue;
            }
            String option = a.substring(2);
            String positive = option.startsWith("no-") ? option.substring(3) : option;
            if (!known.contains(option) && !known.contains(positive) && !EVERY_OPERATION.contains(option)) {
                unknown.add(a);
            }
        }
        return unknown;
    }

    /**
     * The {@code choices} closest to {@code typed} (all at the smallest edit distance, at most three, and only
     * when that distance is at most a third of its length), in alphabetical order.
     */
    static List<String> closest(String typed, Collection<String> choices) {
        int limit = Math.max(1, typed.length() / 3);
        int best = choices.stream().mapToInt(c -> distance(typed, c)).min().orElse(Integer.MAX_VALUE);
        if (best > limit) {
            return List.of();
        }
        return choices.stream().filter(c -> distance(typed, c) == best).sorted().limit(3).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
