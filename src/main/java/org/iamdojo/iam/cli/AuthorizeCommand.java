package org.iamdojo.iam.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iamdojo.iam.cli.RequestLineScanner.Fields;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.ConditionMiss;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.MatchedStatement;
import org.iamdojo.iam.eval.PrincipalInfo;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.eval.StatementMiss;
import org.iamdojo.iam.policy.PolicyParseException;

/**
 * The {@code authorize} command: one JSON request per input line, one JSON decision per output line, in
 * order. A bad line gets {"error": "..."} and the run goes on. A policy text met a second time is cached
 * compiled (bounded LRU cache, one per worker thread), so repeated policies across lines cost nothing to
 * recompile; {@link #run} decides on one thread per core and writes the answers in input order.
 */
public final class AuthorizeCommand {
    /**
     * Field names are not canonicalized: with distinct policies (condition keys, principal types, unknown elements)
     * each parser's symbol table copied and merged a growing shared table, which profiling showed as ~15 % of CPU.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
    private static final int CACHE_SIZE = 4096;
    private static final int SEEN_SLOTS = 1 << 14;
    private static final int HOT_SLOTS = 1 << 12;
    /** Known texts per slot of the fast reader's table (texts that start alike share a slot). */
    private static final int WAYS = 4;
    /** How many leading characters of a policy text choose its slot. */
    private static final int PREFIX = 96;
    /** Decisions run on up to this many threads (one per core). */
    private static final int MAX_WORKERS = 8;
    /** Lines per unit of parallel work: large enough to amortize the hand-over, small enough to keep answers flowing. */
    private static final int BATCH = 128;
    /** The usage text (the command takes no arguments). */
    public static final String USAGE = "usage: authorize < requests.jsonl\n"
            + "  reads one JSON request per line on standard input and writes one JSON decision per line, in order;\n"
            + "  request fields: principal, action, resource, resourceAccount, context, identityPolicies,\n"
            + "  permissionsBoundary, sessionPolicy, resourcePolicy, scps, rcps, sessionIssuer, awsManagedResource";

    private final Authorizer authorizer = new Authorizer();
    /** The fast reader's cached policy texts, by the hash of their first characters (see {@link FastPolicies}). */
    private final Hot[][] hot = new Hot[HOT_SLOTS][];
    /** The line whose UTF-8 bytes are {@link #lineBytes} (made once per line, on the first cache compare). */
    private String bytesOf;
    private byte[] lineBytes;
    /** The raw reader of request lines, or null when every line is read with Jackson (a test compares both). */
    private final RequestLineScanner scanner;
    /** Whether the last {@link #compiled} text is in the cache. */
    private boolean lastCached;
    /** Hashes of policy texts met once and not cached (direct-mapped; a collision only caches a text early). */
    private final int[] seen = new int[SEEN_SLOTS];
    private final Map<String, CompiledPolicy> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledPolicy> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** A command that reads request lines with its raw scanner first (Jackson for anything unusual). */
    public AuthorizeCommand() {
        this(true);
    }

    /** With {@code fastReader} false, every line is read with Jackson (the reference the fast reader must match). */
    AuthorizeCommand(boolean fastReader) {
        scanner = fastReader ? new RequestLineScanner(new FastPolicies()) : null;
    }

    /**
     * Reads requests from {@code in} until end of input and writes exactly one line per input line to {@code out},
     * in order and as soon as it is decided (a blank line gets an error too). The exit code reflects only I/O
     * failure: a bad request is an {"error": ..., "line": N} answer and the run goes on. Any argument (help,
     * --help or another word) prints the usage and returns 2 without reading input.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        int usage = IamCli.usageIfAsked("authorize", USAGE, args, Set.of(), out, err);
        if (usage >= 0) {
            return usage;
        }
        int workers = Math.min(Runtime.getRuntime().availableProcessors(), MAX_WORKERS);
        try (InputStream input = in) {
            LineReader reader = new LineReader(input);
            OutputStream sink = new BufferedOutputStream(out, 1 << 16);
            if (workers <= 1) {
                sequential(reader, sink);
            } else {
                parallel(reader, sink, workers);
            }
            sink.flush();
            return ExitCode.OK;
        } catch (IOException e) {
            err.println("authorize: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** One thread: each line is decided and written in turn. */
    private static void sequential(LineReader reader, OutputStream sink) throws IOException {
        AuthorizeCommand cmd = new AuthorizeCommand();
        String line;
        int number = 0;
        StringBuilder answer = new StringBuilder(1024);
        while ((line = reader.readLine()) != null) {
            number++;
            answer.setLength(0);
            cmd.answer(line, number, answer);
            sink.write(answer.toString().getBytes(StandardCharsets.UTF_8));
            if (!reader.ready()) {
                // Nothing more waiting: the answers so far go out now (an interactive caller is not kept waiting).
                sink.flush();
            }
        }
    }

    /**
     * Several threads, answers in input order: this thread reads lines into batches (a batch ends after
     * {@link #BATCH} lines or when no more input is waiting), workers decide whole batches (each worker has its
     * own command and compiled-policy cache) and encode their answers, and this thread writes the batches in the
     * order they were read. At most {@code 2 × workers} batches wait, so memory stays bounded on endless input;
     * when no input is waiting, everything read so far is answered and flushed before reading on.
     */
    private static void parallel(LineReader reader, OutputStream sink, int workers) throws IOException {
        ThreadLocal<AuthorizeCommand> commands = ThreadLocal.withInitial(AuthorizeCommand::new);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "authorize-worker");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
        try {
            List<String> batch = new ArrayList<>(BATCH);
            int number = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                batch.add(line);
                boolean waiting = reader.ready();
                if (batch.size() == BATCH || !waiting) {
                    List<String> lines = batch;
                    int first = number - lines.size() + 1;
                    pending.add(pool.submit(() -> commands.get().answerAll(lines, first)));
                    batch = new ArrayList<>(BATCH);
                    while (!pending.isEmpty() && (!waiting || pending.size() > 2 * workers
                            || pending.peekFirst().isDone())) {
                        sink.write(result(pending.removeFirst()));
                    }
                    if (!waiting) {
                        sink.flush();
                    }
                }
            }
            while (!pending.isEmpty()) {
                sink.write(result(pending.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] result(Future<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while deciding");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The answers to consecutive lines (the first is line {@code first}), each ending in a newline, as UTF-8. */
    private byte[] answerAll(List<String> lines, int first) {
        StringBuilder answers = new StringBuilder(lines.size() * 1024);
        for (int i = 0; i < lines.size(); i++) {
            answer(lines.get(i), first + i, answers);
        }
        return answers.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the answer to line {@code number} and a newline. */
    private void answer(String line, int number, StringBuilder to) {
        if (line.isBlank()) {
            to.append(error("empty line: one JSON request per line", number));
        } else {
            handle(line, number, to);
        }
        to.append('\n');
    }

    /** Decides one request line and returns the output line (without newline). */
    public String handle(String jsonLine) {
        return handle(jsonLine, 0);
    }

    /** Decides request line {@code number} (1-based; 0 = unnumbered) and returns the output line. */
    String handle(String jsonLine, int number) {
        StringBuilder out = new StringBuilder(1024);
        handle(jsonLine, number, out);
        return out.toString();
    }

    /** Decides request line {@code number} and appends the output line to {@code to} (no copy of the answer). */
    private void handle(String jsonLine, int number, StringBuilder to) {
        String error = decide(jsonLine, number, to);
        if (error != null) {
            to.append(error);
        }
    }

    /** Appends the decision line, or returns the error line (nothing appended). */
    private String decide(String jsonLine, int number, StringBuilder to) {
        try {
            AuthorizationRequest request = parseRequest(jsonLine);
            Decision decision = authorizer.authorize(request);
            int mark = to.length();
            try {
                render(decision, to);
            } catch (RuntimeException e) {
                to.setLength(mark);
                throw e;
            }
            return null;
        } catch (BadRequest e) {
            return error(e.getMessage(), number, e);
        } catch (JsonProcessingException e) {
            // A limit error (e.g. nesting too deep) carries no location.
            return error("malformed JSON" + (e.getLocation() == null ? "" : " at " + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage(), number);
        } catch (IllegalArgumentException e) {
            return error(e.getMessage(), number);
        } catch (IOException e) {
            return error(String.valueOf(e.getMessage()), number);
        } catch (RuntimeException e) {
            // Last line of defence: one request the engine cannot decide must not cost the other lines their answers.
            return error("cannot decide this request: " + e, number);
        }
    }

    /** A request line that is valid JSON but not a valid request; for a bad policy, where in that policy. */
    private static final class BadRequest extends Exception {
        final String policy;
        final int policyLine;
        final int policyColumn;

        BadRequest(String message) {
            this(message, null, 0, 0);
        }

        BadRequest(String message, String policy, int policyLine, int policyColumn) {
            super(message, null, false, false);
            this.policy = policy;
            this.policyLine = policyLine;
            this.policyColumn = policyColumn;
        }
    }

    private AuthorizationRequest parseRequest(String line) throws IOException, BadRequest {
        Fields f = scanner == null ? null : scanner.read(line);
        if (f == null) {
            // Anything the fast reader does not take (including every error) is read as before, with its errors.
            f = readWithJackson(line);
        }
        if (f.principal == null || f.principal.isEmpty()) {
            throw new BadRequest("principal is required");
        }
        if (f.action == null || f.action.isEmpty()) {
            throw new BadRequest("action is required");
        }
        PrincipalInfo info = PrincipalInfo.parse(f.principal, f.sessionIssuer);
        RequestContext ctx = RequestContext.of(f.context).withDefaults(info.derivedContextKeys());
        return AuthorizationRequest.builder(f.principal, f.action).resource(f.resource)
                .resourceAccount(f.resourceAccount).context(ctx).identity(f.identity).boundary(f.boundary)
                .session(f.session).resourcePolicy(f.resourcePolicy).scps(f.scps).rcps(f.rcps)
                .sessionIssuer(f.sessionIssuer).awsManagedResource(f.awsManaged).build();
    }

    private Fields readWithJackson(String line) throws IOException, BadRequest {
        Fields f = new Fields();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRequest("a request must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "principal" -> f.principal = string(p, t, field);
                    case "action" -> f.action = string(p, t, field);
                    case "resource" -> f.resource = string(p, t, field);
                    case "resourceAccount" -> f.resourceAccount = string(p, t, field);
                    case "sessionIssuer" -> f.sessionIssuer = string(p, t, field);
                    case "context" -> f.context = context(p, t);
                    case "identityPolicies" -> f.identity = policyList(p, t, line, field);
                    case "permissionsBoundary" -> f.boundary = policy(p, t, line, field);
                    case "sessionPolicy" -> f.session = policy(p, t, line, field);
                    case "resourcePolicy" -> f.resourcePolicy = policy(p, t, line, field);
                    case "scps" -> f.scps = policyLevels(p, t, line, field);
                    case "rcps" -> f.rcps = policyLevels(p, t, line, field);
                    case "awsManagedResource" -> f.awsManaged = bool(t, field);
                    default -> throw new BadRequest("unknown field: " + field);
                }
            }
            if (p.nextToken() != null) {
                throw new BadRequest("unexpected content after the request object");
            }
        }
        return f;
    }

    private static String string(JsonParser p, JsonToken t, String field) throws IOException, BadRequest {
        if (t != JsonToken.VALUE_STRING) {
            throw new BadRequest(field + " must be a string");
        }
        return p.getText();
    }

    private static boolean bool(JsonToken t, String field) throws BadRequest {
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw new BadRequest(field + " must be true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private static Map<String, List<String>> context(JsonParser p, JsonToken t) throws IOException, BadRequest {
        if (t != JsonToken.START_OBJECT) {
            throw new BadRequest("context must be an object");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY) {
                List<String> values = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    values.add(scalar(p, p.currentToken(), key));
                }
                out.put(key, values);
            } else {
                out.put(key, List.of(scalar(p, v, key)));
            }
        }
        return out;
    }

    private static String scalar(JsonParser p, JsonToken t, String key) throws IOException, BadRequest {
        return switch (t) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
            default -> throw new BadRequest("context value of " + key + " must be a string or an array of strings");
        };
    }

    private List<CompiledPolicy> policyList(JsonParser p, JsonToken t, String line, String field)
            throws IOException, BadRequest {
        if (t != JsonToken.START_ARRAY) {
            throw new BadRequest(field + " must be an array of policies");
        }
        List<CompiledPolicy> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(policy(p, p.currentToken(), line, field + "[" + out.size() + "]"));
        }
        return out;
    }

    private List<List<CompiledPolicy>> policyLevels(JsonParser p, JsonToken t, String line, String field)
            throws IOException, BadRequest {
        if (t != JsonToken.START_ARRAY) {
            throw new BadRequest(field + " must be an array of arrays of policies (one per organization level)");
        }
        List<List<CompiledPolicy>> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(policyList(p, p.currentToken(), line, field + "[" + out.size() + "]"));
        }
        return out;
    }

    private CompiledPolicy policy(JsonParser p, JsonToken t, String line, String id) throws IOException, BadRequest {
        String text;
        if (t == JsonToken.VALUE_STRING) {
            text = p.getText();
        } else if (t == JsonToken.START_OBJECT) {
            // Cut the policy's own text out of the line: it is the cache key, and no re-serialisation is needed.
            int start = (int) p.currentTokenLocation().getCharOffset();
            p.skipChildren();
            int end = (int) p.currentTokenLocation().getCharOffset() + 1;
            text = line.substring(start, end);
        } else {
            throw new BadRequest(id + " must be a policy document (object or JSON string)");
        }
        try {
            return compiled(text, id).withId(id);
        } catch (PolicyParseException e) {
            // Located in the policy's own text, as validate-policy would report it for that document.
            throw new BadRequest(id + ": " + e.getMessage(), id, e.line(), e.column());
        }
    }

    /**
     * The compiled policy for {@code text} (named by its first sighting). Cached from its second sighting on: a
     * text met once (most texts, when every line's policies differ) is garbage while still young, instead of
     * living in the cache long enough to be copied into the old generation and collected there (that copying
     * cost more CPU than deciding the line). Sets {@link #lastCached}.
     */
    private CompiledPolicy compiled(String text, String id) throws PolicyParseException {
        CompiledPolicy compiled = cache.get(text);
        lastCached = compiled != null;
        if (compiled == null) {
            compiled = CompiledPolicy.parse(text, id);
            int h = text.hashCode() | 1;
            int slot = (h ^ (h >>> 16)) & (SEEN_SLOTS - 1);
            if (seen[slot] == h) {
                cache.put(text, compiled);
                lastCached = true;
            } else {
                seen[slot] = h;
            }
        }
        return compiled;
    }

    /**
     * The fast reader's policies. A cached text is found without reading it: the first characters at the policy's
     * start (up to {@link #PREFIX}, or to the first closing brace) are hashed to a slot of up to {@link #WAYS} known
     * texts, and a known text that the line holds at that position byte for byte is the policy there. So a repeated
     * policy costs a short hash, a lookup and one vectorized compare; a new one is cut out and compiled as before.
     */
    private final class FastPolicies implements RequestLineScanner.Policies {
        private int end;

        @Override
        public CompiledPolicy known(String line, int start, String id) {
            Hot[] ways = hot[slot(prefixHash(line, start))];
            if (ways == null) {
                return null;
            }
            for (int w = 0; w < ways.length; w++) {
                Hot k = ways[w];
                if (k == null) {
                    return null;
                }
                int length = k.text.length();
                if (start + length <= line.length() && same(line, start, k)) {
                    if (w > 0) {
                        // Most recently hit first: the next lookup of a repeated text compares it first.
                        System.arraycopy(ways, 0, ways, 1, w);
                        ways[0] = k;
                    }
                    end = start + length;
                    return k.policy.withId(id);
                }
            }
            return null;
        }

        @Override
        public int knownEnd() {
            return end;
        }

        @Override
        public CompiledPolicy object(String line, int start, int end, String id) {
            String text = line.substring(start, end);
            CompiledPolicy compiled = text(text, id);
            if (compiled != null && lastCached) {
                remember(text, compiled);
            }
            return compiled;
        }

        /** Puts a cached text in front of its slot (the least recently hit of a full slot goes). */
        private void remember(String text, CompiledPolicy compiled) {
            int slot = slot(prefixHash(text, 0));
            Hot[] ways = hot[slot];
            if (ways == null) {
                ways = new Hot[WAYS];
                hot[slot] = ways;
            }
            System.arraycopy(ways, 0, ways, 1, WAYS - 1);
            ways[0] = new Hot(text, text.getBytes(StandardCharsets.UTF_8), compiled);
        }

        /**
         * Whether {@code line} holds {@code k}'s text at {@code start}. An ASCII line is compared as bytes
         * ({@link Arrays#equals} is vectorized; {@link String#regionMatches} compares a byte at a time), any other
         * line character by character.
         */
        private boolean same(String line, int start, Hot k) {
            if (bytesOf != line) {
                bytesOf = line;
                lineBytes = line.getBytes(StandardCharsets.UTF_8);
            }
            int length = k.text.length();
            if (lineBytes.length == line.length() && k.bytes.length == length) {
                return Arrays.equals(lineBytes, start, start + length, k.bytes, 0, length);
            }
            return line.regionMatches(start, k.text, 0, length);
        }

        @Override
        public CompiledPolicy text(String text, String id) {
            try {
                return compiled(text, id).withId(id);
            } catch (PolicyParseException | RuntimeException e) {
                // The Jackson path reads the line again and reports this, in the same words as ever.
                lastCached = false;
                return null;
            }
        }
    }

    /** A cached policy text for the fast reader, with its UTF-8 bytes (one per character when it is ASCII). */
    private record Hot(String text, byte[] bytes, CompiledPolicy policy) {
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 15)) & (HOT_SLOTS - 1);
    }

    /** The hash of {@code s} from {@code start}: {@link #PREFIX} characters, or up to the first '}' if sooner. */
    static int prefixHash(String s, int start) {
        int stop = Math.min(s.length(), start + PREFIX);
        int h = 0;
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            h = 31 * h + c;
            if (c == '}') {
                break;
            }
        }
        return h;
    }

    /** The decision line (see {@link JsonLine} for why it is not Jackson's generator). */
    static String render(Decision d) {
        StringBuilder sb = new StringBuilder(1024);
        render(d, sb);
        return sb.toString();
    }

    /** Appends the decision line to {@code to}. */
    static void render(Decision d, StringBuilder to) {
        JsonLine g = new JsonLine(to);
        g.startObject();
        g.string("decision", d.decision().awsName());
        g.startObject("explanation");
        g.string("decidingLayer", d.decidingLayer().name());
        g.string("reason", d.reason());
        g.startArray("matchedStatements");
        for (MatchedStatement m : d.matchedStatements()) {
            g.startObject();
            g.string("policyId", m.policyId());
            g.number("statementIndex", m.statementIndex());
            if (m.sid() != null) {
                g.string("sid", m.sid());
            }
            g.string("effect", m.effect().awsName());
            g.string("layer", m.layer().name());
            g.endObject();
        }
        g.endArray();
        g.startArray("notMatchedStatements");
        for (StatementMiss m : d.notMatchedStatements()) {
            g.startObject();
            g.string("policyId", m.policyId());
            g.number("statementIndex", m.statementIndex());
            if (m.sid() != null) {
                g.string("sid", m.sid());
            }
            if (m.effect() != null) {
                g.string("effect", m.effect().awsName());
            }
            g.string("layer", m.layer().name());
            g.string("reason", m.reason().name().toLowerCase(Locale.ROOT));
            ConditionMiss c = m.condition();
            if (c != null) {
                g.string("conditionKey", c.key());
                g.string("operator", c.operator());
                g.strings("policyValues", c.policyValues());
                if (c.requestValues() != null) {
                    g.strings("requestValues", c.requestValues());
                }
            }
            g.endObject();
        }
        g.endArray();
        g.strings("missingContextKeys", d.missingContextKeys());
        g.endObject();
        g.endObject();
    }

    private static String error(String message, int line) {
        return error(message, line, null);
    }

    /** {"error": ..., "line": input line, and for a bad policy "policy", "policyLine", "policyColumn"}. */
    private static String error(String message, int line, BadRequest bad) {
        StringWriter sw = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("error", message);
            if (line > 0) {
                g.writeNumberField("line", line);
            }
            if (bad != null && bad.policy != null) {
                g.writeStringField("policy", bad.policy);
                if (bad.policyLine > 0) {
                    g.writeNumberField("policyLine", bad.policyLine);
                    g.writeNumberField("policyColumn", bad.policyColumn);
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            return "{\"error\":\"internal error\"}";
        }
        return sw.toString();
    }
}
