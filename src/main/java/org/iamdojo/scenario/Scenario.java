package org.iamdojo.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scripted lesson, as read from {@code scenarios/<id>.yaml}: texts, the starting sandbox, the steps the
 * learner follows, the checks that grade the final configuration and a reference solution that scores 100.
 * The format is documented in {@code scenarios/README.md}.
 */
public record Scenario(
        String id,
        Integer version,
        Text title,
        Text story,
        Level level,
        Integer minutes,
        List<String> tags,
        Learner learner,
        List<AccountSetup> accounts,
        List<Step> steps,
        List<Check> checks,
        Scoring scoring,
        List<ScenarioOperation> solution,
        List<ScenarioOperation> lazySolution) {

    /** Replaces absent lists with empty ones and absent scoring with the defaults. */
    public Scenario {
        tags = tags == null ? List.of() : List.copyOf(tags);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        steps = steps == null ? List.of() : List.copyOf(steps);
        checks = checks == null ? List.of() : List.copyOf(checks);
        solution = solution == null ? List.of() : List.copyOf(solution);
        lazySolution = lazySolution == null ? List.of() : List.copyOf(lazySolution);
        scoring = scoring == null ? new Scoring(null) : scoring;
    }

    /** The id of the account the learner works in (the first one listed). */
    public String homeAccountId() {
        return accounts.isEmpty() ? null : accounts.get(0).id();
    }

    /** The most points the checks can give. */
    public int maxPoints() {
        return checks.stream().mapToInt(Check::points).sum();
    }

    /** How hard a scenario is. */
    public enum Level {
        @JsonProperty("beginner") BEGINNER,
        @JsonProperty("intermediate") INTERMEDIATE,
        @JsonProperty("advanced") ADVANCED
    }

    /**
     * The identity the learner starts as: the root user of the home account, or a named IAM user that the
     * setup creates (signed in to the console, with MFA when {@code mfa} is true). {@code profiles} are the
     * access keys the story hands to the learner (e.g. a partner's test user): terminal profile name → the setup
     * variable holding the key; the terminal has them configured and the identity switcher offers them.
     * {@code rootOf} lists the other accounts of the scenario that the story gives the learner too: the identity
     * switcher offers their root users.
     */
    public record Learner(Boolean root, String user, Boolean mfa, Map<String, String> profiles, List<String> rootOf) {
        /** Replaces absent profiles and accounts with none (keeps the profiles' order). */
        public Learner {
            profiles = profiles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
            rootOf = rootOf == null ? List.of() : List.copyOf(rootOf);
        }

        /** Whether the learner signs in as the root user. */
        public boolean isRoot() {
            return Boolean.TRUE.equals(root);
        }
    }

    /**
     * The starting state of one account: its IAM entities in get-account-authorization-details shape, buckets,
     * instances, and any further setup operations (run as the account owner, unauthorized, before the learner
     * arrives).
     */
    public record AccountSetup(String id, String alias, String rootEmail, ObjectNode authorizationDetails,
                               List<Bucket> buckets, List<Instance> instances, List<ScenarioOperation> operations) {
        /** Replaces absent lists with empty ones. */
        public AccountSetup {
            buckets = buckets == null ? List.of() : List.copyOf(buckets);
            instances = instances == null ? List.of() : List.copyOf(instances);
            operations = operations == null ? List.of() : List.copyOf(operations);
        }
    }

    /** An S3 bucket with an optional bucket policy (AWS JSON) and objects by key. */
    public record Bucket(String name, JsonNode policy, Map<String, String> objects) {
        /** Replaces absent objects with none. */
        public Bucket {
            objects = objects == null ? Map.of() : Map.copyOf(objects);
        }
    }

    /**
     * An EC2 instance known by a scenario name (its i-… id is generated), with user data, the instance
     * profile it starts with (or none) and its tags (key → value).
     */
    public record Instance(String name, String imageId, String instanceType, String userData, String instanceProfile,
                           Map<String, String> tags) {
        /** Replaces absent tags with none (keeps their order). */
        public Instance {
            tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }
    }

    /** One step of the lesson: what to do, and hints that cost points when opened. */
    public record Step(Text title, Text instructions, List<Hint> hints) {
        /** Replaces absent hints with none. */
        public Step {
            hints = hints == null ? List.of() : List.copyOf(hints);
        }
    }

    /** A hint and the points it costs when the learner opens it. */
    public record Hint(Text text, Integer cost) {
        /** The cost, 0 when not given. */
        public int costOrZero() {
            return cost == null ? 0 : cost;
        }
    }

    /**
     * Scoring rules beyond the checks' points (see scenarios/README.md): the score needed to pass (default:
     * every check passes). A least-privilege check is proved or not, so it earns all its points or none.
     */
    public record Scoring(Integer passScore) {
    }
}
