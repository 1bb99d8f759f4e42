package org.iamdojo.iam.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * order. A bad line gets {"error": "..."} and the run goes on. Policies are compiled once per distinct JSON
 * text (bounded LRU cache), so repeated policies across lines cost nothing to recompile.
 */
public final class AuthorizeCommand {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int CACHE_SIZE = 4096;
    /** The usage text (the command takes no arguments). */
    public static final String USAGE = "usage: authorize < requests.jsonl\n"
            + "  reads one JSON request per line on standard input and writes one JSON decision per line, in order;\n"
            + "  request fields: principal, action, resource, resourceAccount, context, identityPolicies,\n"
            + "  permissionsBoundary, sessionPolicy, resourcePolicy, scps, rcps, sessionIssuer, awsManagedResource";

    private final Authorizer authorizer = new Authorizer();
    private final Map<String, CompiledPolicy> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledPolicy> eldest) {
            return size() > CACHE_SIZE;
        }
    };

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
        AuthorizeCommand cmd = new AuthorizeCommand();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                writer.write(line.isBlank() ? error("empty line: one JSON request per line", number)
                        : cmd.handle(line, number));
                writer.write('\n');
                if (!reader.ready()) {
                    // Nothing more waiting: the answers so far go out now (an interactive caller is not kept waiting).
                    writer.flush();
                }
            }
            writer.flush();
            return ExitCode.OK;
        } catch (IOException e) {
            err.println("authorize: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** Decides one request line and returns the output line (without newline). */
    public String handle(String jsonLine) {
        return handle(jsonLine, 0);
    }

    /** Decides request line {@code number} (1-based; 0 = unnumbered) and returns the output line. */
    String handle(String jsonLine, int number) {
        try {
            AuthorizationRequest request = parseRequest(jsonLine);
            Decision decision = authorizer.authorize(request);
            return render(decision);
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
        String principal = null;
        String action = null;
        String resource = null;
        String resourceAccount = null;
        String sessionIssuer = null;
        Map<String, List<String>> context = Map.of();
        List<CompiledPolicy> identity = List.of();
        CompiledPolicy boundary = null;
        CompiledPolicy session = null;
        CompiledPolicy resourcePolicy = null;
        List<List<CompiledPolicy>> scps = List.of();
        List<List<CompiledPolicy>> rcps = List.of();
        boolean awsManaged = false;
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
                    case "principal" -> principal = string(p, t, field);
                    case "action" -> action = string(p, t, field);
                    case "resource" -> resource = string(p, t, field);
                    case "resourceAccount" -> resourceAccount = string(p, t, field);
                    case "sessionIssuer" -> sessionIssuer = string(p, t, field);
                    case "context" -> context = context(p, t);
                    case "identityPolicies" -> identity = policyList(p, t, line, field);
                    case "permissionsBoundary" -> boundary = policy(p, t, line, field);
                    case "sessionPolicy" -> session = policy(p, t, line, field);
                    case "resourcePolicy" -> resourcePolicy = policy(p, t, line, field);
                    case "scps" -> scps = policyLevels(p, t, line, field);
                    case "rcps" -> rcps = policyLevels(p, t, line, field);
                    case "awsManagedResource" -> awsManaged = bool(t, field);
                    default -> throw new BadRequest("unknown field: " + field);
                }
            }
            if (p.nextToken() != null) {
                throw new BadRequest("unexpected content after the request object");
            }
        }
        if (principal == null || principal.isEmpty()) {
            throw new BadRequest("principal is required");
        }
        if (action == null || action.isEmpty()) {
            throw new BadRequest("action is required");
        }
        PrincipalInfo info = PrincipalInfo.parse(principal, sessionIssuer);
        RequestContext ctx = RequestContext.of(context).withDefaults(info.derivedContextKeys());
        return AuthorizationRequest.builder(principal, action).resource(resource).resourceAccount(resourceAccount)
                .context(ctx).identity(identity).boundary(boundary).session(session).resourcePolicy(resourcePolicy)
                .scps(scps).rcps(rcps).sessionIssuer(sessionIssuer).awsManagedResource(awsManaged).build();
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
        CompiledPolicy compiled = cache.get(text);
        if (compiled == null) {
            try {
                compiled = CompiledPolicy.parse(text, id);
            } catch (PolicyParseException e) {
                // Located in the policy's own text, as validate-policy would report it for that document.
                throw new BadRequest(id + ": " + e.getMessage(), id, e.line(), e.column());
            }
            cache.put(text, compiled);
        }
        return compiled.withId(id);
    }

    /** The decision line (see {@link JsonLine} for why it is not Jackson's generator). */
    static String render(Decision d) {
        JsonLine g = new JsonLine(512);
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
        return g.toString();
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
