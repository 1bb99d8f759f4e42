package org.iamdojo.iam.policy;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fast reading of a policy: one pass over the streaming parser's tokens, building the {@link PolicyDocument}
 * directly, with no tree and no second walk for repeated keys (each object checks its own names as it goes).
 * It accepts only what {@link PolicyParser#parseViaTree} accepts and builds the same document (same values, same
 * locations); at the first thing it would refuse, it gives up ({@code null}) and the tree reading reports it.
 * Profiling the authorize command on distinct policies showed the tree, its copies and the separate repeated-key
 * walk as half of all CPU time; then Jackson's tokenizer as a third, so the tokens come from {@link RawJsonTokens}
 * (which takes no text Jackson would refuse; what it does not take goes to the tree reading).
 */
final class StreamingPolicyReader {
    /** Nothing this reader accepts; the tree reading words the refusal. */
    private static final class GiveUp extends Exception {
        private static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private StreamingPolicyReader() {
    }

    /** The document, or null when the text has anything the tree reading would refuse. */
    static @Nullable PolicyDocument read(String json) {
        try {
            RawJsonTokens p = new RawJsonTokens(json);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            PolicyDocument doc = document(p);
            if (p.nextToken() != null) {
                return null;
            }
            return doc;
        } catch (GiveUp | RawJsonTokens.Odd e) {
            return null;
        }
    }

    private static PolicyDocument document(RawJsonTokens p) throws RawJsonTokens.Odd, GiveUp {
        String version = null;
        String id = null;
        List<Statement> statements = new ArrayList<>();
        boolean isArray = false;
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        Names names = new Names();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.text();
            names.add(name);
            locations.put(name, here(p));
            JsonToken t = p.nextToken();
            switch (name) {
                case "Version" -> version = string(p, t);
                case "Id" -> id = string(p, t);
                case "Statement" -> {
                    if (t == JsonToken.START_OBJECT) {
                        statements.add(statement(p));
                    } else if (t == JsonToken.START_ARRAY) {
                        isArray = true;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() != JsonToken.START_OBJECT) {
                                throw GiveUp.INSTANCE;
                            }
                            statements.add(statement(p));
                        }
                    } else {
                        throw GiveUp.INSTANCE;
                    }
                }
                default -> skip(p, t);
            }
        }
        return new PolicyDocument(version, id, statements, isArray, locations);
    }

    private static Statement statement(RawJsonTokens p) throws RawJsonTokens.Odd, GiveUp {
        SourceLocation location = here(p);
        String sid = null;
        String effectText = null;
        PrincipalBlock principal = null;
        PrincipalBlock notPrincipal = null;
        List<String> action = null;
        List<String> notAction = null;
        List<String> resource = null;
        List<String> notResource = null;
        List<Condition> conditions = null;
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        Names names = new Names();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.text();
            names.add(name);
            locations.put(name, here(p));
            JsonToken t = p.nextToken();
            switch (name) {
                case "Sid" -> sid = string(p, t);
                case "Effect" -> effectText = string(p, t);
                case "Principal" -> principal = principal(p, t);
                case "NotPrincipal" -> notPrincipal = principal(p, t);
                case "Action" -> action = stringList(p, t);
                case "NotAction" -> notAction = stringList(p, t);
                case "Resource" -> resource = stringList(p, t);
                case "NotResource" -> notResource = stringList(p, t);
                case "Condition" -> conditions = conditions(p, t);
                default -> skip(p, t);
            }
        }
        return new Statement(sid, Effect.fromAws(effectText), effectText, principal, notPrincipal, action, notAction,
                resource, notResource, conditions, location, locations);
    }

    private static PrincipalBlock principal(RawJsonTokens p, JsonToken t) throws RawJsonTokens.Odd, GiveUp {
        if (t == JsonToken.VALUE_STRING) {
            if (!"*".equals(p.text())) {
                throw GiveUp.INSTANCE;
            }
            return PrincipalBlock.any();
        }
        if (t != JsonToken.START_OBJECT) {
            throw GiveUp.INSTANCE;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        Names names = new Names();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.text();
            names.add(name);
            values.put(name, stringList(p, p.nextToken()));
        }
        return new PrincipalBlock(false, values);
    }

    private static List<Condition> conditions(RawJsonTokens p, JsonToken t) throws RawJsonTokens.Odd, GiveUp {
        if (t != JsonToken.START_OBJECT) {
            throw GiveUp.INSTANCE;
        }
        List<Condition> out = new ArrayList<>();
        Names operators = new Names();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String operator = p.text();
            operators.add(operator);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw GiveUp.INSTANCE;
            }
            Names keys = new Names();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.text();
                keys.add(key);
                SourceLocation at = here(p);
                out.add(new Condition(operator, key, conditionValues(p, p.nextToken()), at));
            }
        }
        return out;
    }

    private static List<String> conditionValues(RawJsonTokens p, JsonToken t) throws RawJsonTokens.Odd, GiveUp {
        if (t == JsonToken.START_ARRAY) {
            List<String> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(conditionScalar(p, p.currentToken()));
            }
            return out;
        }
        return List.of(conditionScalar(p, t));
    }

    private static String conditionScalar(RawJsonTokens p, JsonToken t) throws RawJsonTokens.Odd, GiveUp {
        return switch (t) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.text();
            default -> throw GiveUp.INSTANCE;
        };
    }

    private static List<String> stringList(RawJsonTokens p, JsonToken t) throws RawJsonTokens.Odd, GiveUp {
        if (t == JsonToken.VALUE_STRING) {
            return List.of(p.text());
        }
        if (t != JsonToken.START_ARRAY) {
            throw GiveUp.INSTANCE;
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw GiveUp.INSTANCE;
            }
            out.add(p.text());
        }
        return out;
    }

    private static String string(RawJsonTokens p, JsonToken t) throws RawJsonTokens.Odd, GiveUp {
        if (t != JsonToken.VALUE_STRING) {
            throw GiveUp.INSTANCE;
        }
        return p.text();
    }

    /** Skips an element the parser does not read (the validator's to report), still refusing repeated keys in it. */
    private static void skip(RawJsonTokens p, JsonToken t) throws RawJsonTokens.Odd, GiveUp {
        if (t == JsonToken.START_OBJECT) {
            Names names = new Names();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                names.add(p.text());
                skip(p, p.nextToken());
            }
        } else if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                skip(p, p.currentToken());
            }
        }
    }

    private static SourceLocation here(RawJsonTokens p) {
        return new SourceLocation(p.tokenLine(), p.tokenColumn());
    }

    /** The names of one object so far; a repeated one gives up (objects are small: a list, a set past 8). */
    private static final class Names {
        private final List<String> list = new ArrayList<>(8);
        private @Nullable Set<String> set;

        void add(String name) throws GiveUp {
            if (set != null) {
                if (!set.add(name)) {
                    throw GiveUp.INSTANCE;
                }
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).equals(name)) {
                    throw GiveUp.INSTANCE;
                }
            }
            list.add(name);
            if (list.size() > 8) {
                set = new HashSet<>(list);
            }
        }
    }
}
