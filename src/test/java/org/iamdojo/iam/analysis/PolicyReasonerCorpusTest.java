package org.iamdojo.iam.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.iamdojo.iam.analysis.NoNewAccessCheck.PolicyType;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Result;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Verdict;
import org.iamdojo.iam.analysis.PolicyReasoner.Mode;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.Condition;
import org.iamdojo.iam.policy.PolicyParseException;
import org.iamdojo.iam.policy.PrincipalBlock;
import org.iamdojo.iam.policy.Statement;
import org.junit.jupiter.api.Test;

/**
 * The reasoning layer against the engine over the project's policy corpus (src/test/resources/iam/authorize-cases,
 * whose cases cite the AWS pages they come from): pairs of corpus policies are checked; every FAIL's counterexample
 * replays through the Authorizer as claimed, and every PASS survives a seeded random search of requests drawn from
 * the policies' own constants and their mutations (prefixes, case changes, neighbouring numbers, dates and
 * addresses, missing and multi-valued keys). Semantics: CheckNoNewAccess
 * (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html).
 */
class PolicyReasonerCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NoNewAccessCheck check = new NoNewAccessCheck();

    static List<CompiledPolicy> corpus(boolean resourcePolicies) throws Exception {
        List<CompiledPolicy> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/iam/authorize-cases"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode c : JSON.readTree(f.toFile())) {
                    JsonNode req = c.path("request");
                    List<JsonNode> docs = new ArrayList<>();
                    if (resourcePolicies) {
                        docs.add(req.path("resourcePolicy"));
                    } else {
                        req.path("identityPolicies").forEach(docs::add);
                        docs.add(req.path("permissionsBoundary"));
                        docs.add(req.path("sessionPolicy"));
                    }
                    for (JsonNode d : docs) {
                        if (d.isObject() && seen.add(d.toString())) {
                            try {
                                out.add(CompiledPolicy.parse(d.toString(), f.getFileName() + "#" + out.size()));
                            } catch (PolicyParseException e) {
                                // a case about a document the parser refuses: not a policy to reason about
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void identityCorpusPairsAgreeWithEngine() throws Exception {
        int[] counts = run(corpus(false), PolicyType.IDENTITY_POLICY, 70_000, new Random(2101));
        assertTrue(counts[0] >= 70_000, "requests " + counts[0]);
        assertTrue(counts[1] > 5 && counts[2] > 5, "pass " + counts[1] + " fail " + counts[2]);
    }

    @Test
    void resourceCorpusPairsAgreeWithEngine() throws Exception {
        int[] counts = run(corpus(true), PolicyType.RESOURCE_POLICY, 35_000, new Random(2102));
        assertTrue(counts[0] >= 35_000, "requests " + counts[0]);
        assertTrue(counts[1] > 3 && counts[2] > 3, "pass " + counts[1] + " fail " + counts[2]);
    }

    private static final String[] FUZZ_ACTIONS = {"s3:GetObject", "s3:Get*", "s3:*", "iam:*", "*", "s3:?et*",
        "ec2:Describe*"};
    private static final String[] FUZZ_RESOURCES = {"*", "arn:aws:s3:::b1/*", "arn:aws:s3:::b*", "arn:aws:s3:::*/x",
        "arn:aws:s3:::b1/${aws:username}/*", "arn:aws:iam::111122223333:user/*", "arn:aws:s3*", "b1"};
    private static final String[] FUZZ_CONDITIONS = {
        "\"StringEquals\":{\"k1\":[\"a\",\"*\"]}", "\"StringLike\":{\"k1\":\"a*\"}",
        "\"StringNotEqualsIgnoreCase\":{\"k1\":\"A\"}", "\"NumericLessThan\":{\"k2\":\"10\"}",
        "\"NumericGreaterThanEquals\":{\"k2\":\"-0.5\"}", "\"DateLessThan\":{\"k3\":\"2026-01-01T00:00:00Z\"}",
        "\"IpAddress\":{\"k4\":[\"10.0.0.0/8\",\"10.1.0.0/16\"]}", "\"NotIpAddress\":{\"k4\":\"10.1.2.3\"}",
        "\"Bool\":{\"k5\":\"true\"}", "\"Null\":{\"k1\":\"false\"}", "\"StringEqualsIfExists\":{\"k6\":\"x\"}",
        "\"ForAllValues:StringLike\":{\"k7\":[\"a*\",\"b\"]}", "\"ForAnyValue:StringEquals\":{\"k7\":\"c\"}",
        "\"ArnLike\":{\"k8\":\"arn:aws:iam::*:role/r*\"}", "\"StringLike\":{\"k1\":\"${aws:username}\"}",
        "\"NumericEquals\":{\"k1\":\"3\"}"};

    /** Random pairs with every operator family, NotAction/NotResource, variables and Deny: no exception, no hang. */
    @Test
    void fuzzRandomPairs() throws Exception {
        Random rnd = new Random(2103);
        int requests = 0;
        int decided = 0;
        for (int pair = 0; pair < 250; pair++) {
            CompiledPolicy a = fuzzPolicy(rnd);
            CompiledPolicy b = fuzzPolicy(rnd);
            Verdict v = check.check(List.of(a), List.of(b));
            if (v.result() == Result.FAIL) {
                assertTrue(check.allows(v.counterexample(), List.of(b), Mode.IDENTITY), v.message());
                assertFalse(check.allows(v.counterexample(), List.of(a), Mode.IDENTITY), v.message());
            }
            decided += v.result() == Result.UNKNOWN ? 0 : 1;
            Values vals = new Values(List.of(a, b));
            vals.keys.computeIfAbsent("aws:username", k -> new ArrayList<>()).add("a");
            for (int r = 0; r < 200; r++) {
                AuthorizationRequest req = vals.request(rnd);
                requests++;
                if (v.result() == Result.PASS && check.allows(req, List.of(b), Mode.IDENTITY)
                        && !check.allows(req, List.of(a), Mode.IDENTITY)) {
                    fail("fuzz PASS refuted by " + req.action() + " " + req.resource() + " " + req.context().asMap()
                            + "\n" + a.document() + "\n" + b.document());
                }
            }
        }
        assertTrue(requests >= 50_000);
        // variables and a key with both String and Numeric operators (k1) are meant to leave some UNKNOWN
        assertTrue(decided > 150, "decided " + decided);
    }

    private static CompiledPolicy fuzzPolicy(Random rnd) throws Exception {
        List<String> st = new ArrayList<>();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            String effect = rnd.nextInt(4) == 0 ? "Deny" : "Allow";
            String action = (rnd.nextInt(5) == 0 ? "\"NotAction\":\"" : "\"Action\":\"")
                    + FUZZ_ACTIONS[rnd.nextInt(FUZZ_ACTIONS.length)] + "\"";
            String resource = (rnd.nextInt(5) == 0 ? "\"NotResource\":\"" : "\"Resource\":\"")
                    + FUZZ_RESOURCES[rnd.nextInt(FUZZ_RESOURCES.length)] + "\"";
            int c = rnd.nextInt(3);
            int first = rnd.nextInt(FUZZ_CONDITIONS.length);
            StringBuilder cond = new StringBuilder();
            Set<String> ops = new LinkedHashSet<>();
            for (int j = 0; j < c; j++) {
                String k = FUZZ_CONDITIONS[(first + j * 5) % FUZZ_CONDITIONS.length];
                if (ops.add(k.substring(0, k.indexOf(':')))) {
                    cond.append(cond.length() == 0 ? "" : ",").append(k);
                }
            }
            st.add("{\"Effect\":\"" + effect + "\"," + action + "," + resource
                    + (cond.length() == 0 ? "" : ",\"Condition\":{" + cond + "}") + "}");
        }
        return CompiledPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", st) + "]}",
                "fuzz");
    }

    /** Returns {requests, passes, fails, unknowns}. */
    private int[] run(List<CompiledPolicy> corpus, PolicyType type, int minRequests, Random rnd) {
        Mode mode = type == PolicyType.RESOURCE_POLICY ? Mode.RESOURCE : Mode.IDENTITY;
        int requests = 0;
        int passes = 0;
        int fails = 0;
        int unknowns = 0;
        long until = System.nanoTime() + 90_000_000_000L; // bounded: at most 90 s on a loaded machine
        List<CompiledPolicy[]> pairs = new ArrayList<>();
        for (CompiledPolicy p : corpus) {
            pairs.add(new CompiledPolicy[] {p, p});
        }
        for (int i = 0; i < corpus.size() * 6; i++) {
            pairs.add(new CompiledPolicy[] {corpus.get(rnd.nextInt(corpus.size())),
                corpus.get(rnd.nextInt(corpus.size()))});
        }
        int perPair = Math.max(50, minRequests / pairs.size() + 1);
        for (CompiledPolicy[] pair : pairs) {
            CompiledPolicy a = pair[0];
            CompiledPolicy b = pair[1];
            Verdict v = check.check(List.of(a), List.of(b), type);
            if (a == b) {
                assertEquals(Result.PASS, v.result(), "a policy grants nothing new over itself: " + a.id() + " "
                        + v.message());
            }
            if (v.result() == Result.FAIL) {
                fails++;
                AuthorizationRequest cx = v.counterexample();
                assertTrue(check.allows(cx, List.of(b), mode), "counterexample not allowed by new: " + v.message());
                assertFalse(check.allows(cx, List.of(a), mode), "counterexample allowed by old: " + v.message());
            } else if (v.result() == Result.PASS) {
                passes++;
            } else {
                unknowns++;
            }
            Values vals = new Values(List.of(a, b));
            for (int r = 0; r < perPair; r++) {
                AuthorizationRequest req = vals.request(rnd);
                requests++;
                if (v.result() == Result.PASS && check.allows(req, List.of(b), mode)
                        && !check.allows(req, List.of(a), mode)) {
                    fail("PASS of " + b.id() + " within " + a.id() + " refuted by " + req.principal() + " "
                            + req.action() + " " + req.resource() + " " + req.context().asMap());
                }
            }
            if (System.nanoTime() > until) {
                break;
            }
        }
        return new int[] {requests, passes, fails, unknowns};
    }

    /** Values drawn from the policies' own constants and their mutations. */
    static final class Values {
        final List<String> principals = new ArrayList<>();
        final List<String> actions = new ArrayList<>();
        final List<String> resources = new ArrayList<>();
        final Map<String, List<String>> keys = new LinkedHashMap<>();

        Values(List<CompiledPolicy> policies) {
            principals.add("arn:aws:iam::111122223333:user/u");
            principals.add("arn:aws:iam::999988887777:user/outsider");
            principals.add("anonymous");
            for (CompiledPolicy p : policies) {
                for (Statement s : p.document().statements()) {
                    addAll(actions, s.actions());
                    addAll(actions, s.notActions());
                    addAll(resources, s.resources());
                    addAll(resources, s.notResources());
                    for (PrincipalBlock b : new PrincipalBlock[] {s.principal(), s.notPrincipal()}) {
                        if (b != null) {
                            b.values().values().forEach(vs -> vs.forEach(v -> {
                                principals.add(v.length() == 12 ? "arn:aws:iam::" + v + ":user/u" : v);
                            }));
                        }
                    }
                    for (Condition c : s.conditions()) {
                        keys.computeIfAbsent(c.key(), k -> new ArrayList<>()).addAll(c.values());
                    }
                }
            }
            actions.add("s3:GetObject");
            resources.add("arn:aws:s3:::b/k");
        }

        private static void addAll(List<String> to, List<String> from) {
            if (from != null) {
                to.addAll(from);
            }
        }

        AuthorizationRequest request(Random rnd) {
            String principal = principals.get(rnd.nextInt(principals.size()));
            if ("*".equals(principal)) {
                principal = "anonymous";
            }
            Map<String, List<String>> ctx = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : keys.entrySet()) {
                int n = rnd.nextInt(5);
                if (n == 0) {
                    continue; // missing key
                }
                List<String> vs = new ArrayList<>();
                for (int i = 0; i < (n == 4 ? 2 : 1); i++) {
                    vs.add(mutate(rnd, e.getValue().get(rnd.nextInt(e.getValue().size())), ctx));
                }
                ctx.put(e.getKey(), vs);
            }
            return AuthorizationRequest.builder(principal, mutate(rnd, pick(rnd, actions), ctx))
                    .resource(mutate(rnd, pick(rnd, resources), ctx)).context(RequestContext.of(ctx)).build();
        }

        private static String pick(Random rnd, List<String> from) {
            return from.get(rnd.nextInt(from.size()));
        }

        static String mutate(Random rnd, String s, Map<String, List<String>> ctx) {
            String base = s.replace("?", String.valueOf((char) ('a' + rnd.nextInt(26))));
            switch (rnd.nextInt(9)) {
                case 0:
                    return base.replace("*", "");
                case 1:
                    return base.replace("*", "q" + rnd.nextInt(100));
                case 2:
                    return base.replace("*", "/z").toUpperCase();
                case 3:
                    return base.length() > 1 ? base.substring(0, rnd.nextInt(base.length())) : base;
                case 4: {
                    // neighbouring number, date second or address
                    String t = base.replace("*", "1");
                    int i = t.length() - 1;
                    while (i >= 0 && !Character.isDigit(t.charAt(i))) {
                        i--;
                    }
                    if (i < 0) {
                        return t;
                    }
                    char c = t.charAt(i);
                    char d = rnd.nextBoolean() ? (char) (c == '9' ? '8' : c + 1) : (char) (c == '0' ? '1' : c - 1);
                    return t.substring(0, i) + d + t.substring(i + 1);
                }
                case 5:
                    return base.replace("${aws:username}", "u").replace("*", "x");
                default:
                    return base.replace("*", "Object");
            }
        }
    }
}
