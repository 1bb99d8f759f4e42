package org.iamdojo.iam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;

/**
 * A sandbox AWS CLI for the learner's terminal: {@code aws configure [--profile P]} (with its four prompts),
 * {@code aws <service> <operation> --param value …} for any sandbox operation (kebab-case names mapped to the
 * API's names as the AWS CLI does), {@code aws s3 ls|mb|rb|rm|cp} and {@code --profile}. Like CloudShell, a
 * command without a profile runs as the console identity. One instance per terminal; not thread-safe.
 */
public final class AwsCommandLine {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, String> SERVICES = Map.of("iam", "iam", "sts", "sts", "s3api", "s3",
            "ec2", "ec2", "cloudwatch", "cloudwatch", "account", "account", "organizations", "organizations",
            "support", "support", "cloudfront", "cloudfront");
    /** Words the AWS API writes in capitals inside operation and parameter names. */
    private static final Map<String, String> ACRONYMS = Map.of("mfa", "MFA", "arn", "Arn", "id", "Id",
            "ids", "Ids", "saml", "SAML", "oidc", "OpenIDConnect", "ssh", "SSH");
    private static final Set<String> FLAGS_ONLY = Set.of("--no-paginate", "--debug", "--no-cli-pager");
    private static final String[] PROMPTS = {"AWS Access Key ID", "AWS Secret Access Key", "Default region name",
            "Default output format"};

    private final Sandbox sandbox;
    private final Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    private String configuringProfile;
    private int promptIndex = -1;

    private final Route route;

    /** How the terminal's calls reach the sandbox (an attempt routes them through itself to remember them). */
    @FunctionalInterface
    public interface Route {
        CallResult call(Credentials credentials, String service, String operation, Params params);
    }

    public AwsCommandLine(Sandbox sandbox) {
        this(sandbox, (c, s, o, p) -> sandbox.call(c, s, o, p, "203.0.113.10"));
    }

    public AwsCommandLine(Sandbox sandbox, Route route) {
        this.sandbox = sandbox;
        this.route = route;
    }

    /**
     * What one line printed and how it ended; {@code decision} is the engine's Decision of an AccessDenied
     * (for the terminal's "why?"), else null. {@code prompt} is the next prompt text while configuring.
     */
    public record Output(String text, int exitCode, Object decision, String prompt) {
        static Output ok(String text) {
            return new Output(text, 0, null, null);
        }

        static Output fail(String text, int code) {
            return new Output(text, code, null, null);
        }
    }

    /** The names of the configured profiles. */
    public Set<String> profiles() {
        return profiles.keySet();
    }

    /** Runs one line typed into the terminal, as {@code console} unless a profile is chosen. */
    public Output run(String line, Credentials console) {
        if (promptIndex >= 0) {
            return answerPrompt(line.trim());
        }
        List<String> words;
        try {
            words = split(line.trim());
        } catch (IllegalArgumentException e) {
            return Output.fail(e.getMessage(), 252);
        }
        if (words.isEmpty()) {
            return Output.ok("");
        }
        if (!words.get(0).equals("aws")) {
            return Output.fail(words.get(0) + ": command not found (this terminal runs the AWS CLI: try "
                    + "'aws sts get-caller-identity')", 127);
        }
        if (words.size() < 2 || words.get(1).equals("help")) {
            return Output.fail(usage(), 252);
        }
        String profile = null;
        List<String> args = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--profile") && i + 1 < words.size()) {
                profile = words.get(++i);
            } else if (w.equals("--region") || w.equals("--output") || w.equals("--query")) {
                i++;
            } else if (!FLAGS_ONLY.contains(w)) {
                args.add(w);
            }
        }
        if (args.get(0).equals("configure")) {
            return configure(args, profile);
        }
        Credentials credentials = console;
        if (profile != null || profiles.containsKey("default")) {
            String name = profile == null ? "default" : profile;
            Map<String, String> p = profiles.get(name);
            if (p == null) {
                return Output.fail("The config profile (" + name + ") could not be found", 255);
            }
            if (p.get("aws_access_key_id") == null || p.get("aws_secret_access_key") == null) {
                return Output.fail("Unable to locate credentials. You can configure credentials by running \"aws configure\".", 253);
            }
            credentials = new Credentials.AccessKeyPair(p.get("aws_access_key_id"), p.get("aws_secret_access_key"),
                    p.get("aws_session_token"));
        }
        if (args.size() < 2) {
            return Output.fail(usage(), 252);
        }
        if (args.get(0).equals("s3")) {
            return s3(args, credentials);
        }
        String service = SERVICES.get(args.get(0));
        if (service == null) {
            return Output.fail("aws: error: argument command: Invalid choice: '" + args.get(0) + "'", 252);
        }
        String operation = pascal(args.get(1));
        ObjectNode params;
        try {
            params = parameters(args.subList(2, args.size()));
        } catch (IllegalArgumentException e) {
            return Output.fail("aws: error: " + e.getMessage(), 252);
        }
        return call(credentials, service, operation, params);
    }

    private Output call(Credentials credentials, String service, String operation, ObjectNode params) {
        CallResult r = route.call(credentials, service, operation, new Params(params));
        if (r.succeeded()) {
            try {
                return Output.ok(r.response().isEmpty() ? "" : JSON.writeValueAsString(r.response()));
            } catch (Exception e) {
                return Output.ok(r.response().toString());
            }
        }
        AwsException e = r.error();
        String text = "An error occurred (" + e.code() + ") when calling the " + operation + " operation: " + e.getMessage();
        return new Output(text, 254, r.decision(), null);
    }

    private Output configure(List<String> args, String profile) {
        String name = profile == null ? "default" : profile;
        if (args.size() >= 4 && args.get(1).equals("set")) {
            profiles.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(args.get(2), args.get(3));
            return Output.ok("");
        }
        if (args.size() >= 2 && args.get(1).equals("list-profiles")) {
            return Output.ok(String.join("\n", profiles.keySet()));
        }
        if (args.size() == 1) {
            configuringProfile = name;
            profiles.computeIfAbsent(name, k -> new LinkedHashMap<>());
            promptIndex = 0;
            return new Output("", 0, null, prompt());
        }
        return Output.fail("usage: aws configure [--profile NAME] | aws configure set KEY VALUE [--profile NAME]", 252);
    }

    private Output answerPrompt(String answer) {
        Map<String, String> p = profiles.get(configuringProfile);
        String key = switch (promptIndex) {
            case 0 -> "aws_access_key_id";
            case 1 -> "aws_secret_access_key";
            case 2 -> "region";
            default -> "output";
        };
        if (!answer.isEmpty()) {
            p.put(key, answer);
            if (promptIndex == 0) {
                p.remove("aws_session_token");
            }
        }
        promptIndex++;
        if (promptIndex >= PROMPTS.length) {
            promptIndex = -1;
            return Output.ok("");
        }
        return new Output("", 0, null, prompt());
    }

    private String prompt() {
        Map<String, String> p = profiles.get(configuringProfile);
        String current = switch (promptIndex) {
            case 0 -> mask(p.get("aws_access_key_id"));
            case 1 -> mask(p.get("aws_secret_access_key"));
            case 2 -> p.getOrDefault("region", "None");
            default -> p.getOrDefault("output", "None");
        };
        return PROMPTS[promptIndex] + " [" + current + "]: ";
    }

    private static String mask(String value) {
        return value == null ? "None" : "****************" + value.substring(Math.max(0, value.length() - 4));
    }

    /** The high-level s3 commands: ls, mb, rb, rm, cp (between S3 locations or from inline text). */
    private Output s3(List<String> args, Credentials credentials) {
        String cmd = args.get(1);
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (cmd) {
            case "ls" -> {
                if (args.size() == 2) {
                    CallResult r = route.call(credentials, "s3", "ListBuckets", new Params(f.objectNode()));
                    if (!r.succeeded()) {
                        return error(r, "ListBuckets");
                    }
                    StringBuilder sb = new StringBuilder();
                    for (JsonNode b : r.response().path("Buckets")) {
                        sb.append(b.path("CreationDate").asText().replace('T', ' ').replace("Z", "")).append(' ')
                                .append(b.path("Name").asText()).append('\n');
                    }
                    return Output.ok(sb.toString().stripTrailing());
                }
                String[] loc = location(args.get(2));
                ObjectNode p = f.objectNode().put("Bucket", loc[0]);
                if (!loc[1].isEmpty()) {
                    p.put("Prefix", loc[1]);
                }
                CallResult r = route.call(credentials, "s3", "ListObjectsV2", new Params(p));
                if (!r.succeeded()) {
                    return error(r, "ListObjectsV2");
                }
                StringBuilder sb = new StringBuilder();
                for (JsonNode o : r.response().path("Contents")) {
                    sb.append(o.path("LastModified").asText().replace('T', ' ').replace("Z", "")).append(' ')
                            .append(String.format("%10d", o.path("Size").asLong())).append(' ')
                            .append(o.path("Key").asText()).append('\n');
                }
                return Output.ok(sb.toString().stripTrailing());
            }
            case "mb", "rb" -> {
                if (args.size() < 3) {
                    return Output.fail("usage: aws s3 " + cmd + " s3://BUCKET", 252);
                }
                String bucket = location(args.get(2))[0];
                String op = cmd.equals("mb") ? "CreateBucket" : "DeleteBucket";
                CallResult r = route.call(credentials, "s3", op, new Params(f.objectNode().put("Bucket", bucket)));
                return r.succeeded() ? Output.ok((cmd.equals("mb") ? "make_bucket: " : "remove_bucket: ") + bucket)
                        : error(r, op);
            }
            case "rm" -> {
                String[] loc = location(args.get(2));
                CallResult r = route.call(credentials, "s3", "DeleteObject", new Params(f.objectNode().put("Bucket", loc[0]).put("Key", loc[1])));
                return r.succeeded() ? Output.ok("delete: " + args.get(2)) : error(r, "DeleteObject");
            }
            case "cp" -> {
                if (args.size() < 4) {
                    return Output.fail("usage: aws s3 cp s3://SRC/KEY s3://DST/KEY | aws s3 cp --content TEXT s3://DST/KEY", 252);
                }
                String body;
                String target;
                if (args.get(2).equals("--content")) {
                    body = args.get(3);
                    target = args.size() > 4 ? args.get(4) : null;
                    if (target == null) {
                        return Output.fail("usage: aws s3 cp --content TEXT s3://DST/KEY", 252);
                    }
                } else {
                    String[] src = location(args.get(2));
                    CallResult get = route.call(credentials, "s3", "GetObject", new Params(f.objectNode().put("Bucket", src[0]).put("Key", src[1])));
                    if (!get.succeeded()) {
                        return error(get, "GetObject");
                    }
                    body = get.response().path("Body").asText();
                    target = args.get(3);
                }
                String[] dst = location(target);
                CallResult put = route.call(credentials, "s3", "PutObject", new Params(f.objectNode().put("Bucket", dst[0]).put("Key", dst[1]).put("Body", body)));
                return put.succeeded() ? Output.ok("upload: " + target) : error(put, "PutObject");
            }
            default -> {
                return Output.fail("aws: error: argument subcommand: Invalid choice: '" + cmd
                        + "' (valid: ls, mb, rb, rm, cp)", 252);
            }
        }
    }

    private static Output error(CallResult r, String operation) {
        return new Output("An error occurred (" + r.error().code() + ") when calling the " + operation
                + " operation: " + r.error().getMessage(), 1, r.decision(), null);
    }

    private static String[] location(String s3Uri) {
        if (!s3Uri.startsWith("s3://")) {
            throw new IllegalArgumentException("expected an s3:// location: " + s3Uri);
        }
        String rest = s3Uri.substring(5);
        int slash = rest.indexOf('/');
        return slash < 0 ? new String[]{rest, ""} : new String[]{rest.substring(0, slash), rest.substring(slash + 1)};
    }

    /** Turns {@code --user-name alice --tags Key=a,Value=b --set-as-default} into API parameters. */
    static ObjectNode parameters(List<String> args) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String option = a.substring(2);
            List<String> values = new ArrayList<>();
            while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                values.add(args.get(++i));
            }
            if (values.isEmpty()) {
                if (option.startsWith("no-")) {
                    params.put(pascal(option.substring(3)), false);
                } else {
                    params.put(pascal(option), true);
                }
                continue;
            }
            String name = pascal(option);
            if (values.size() == 1 && !option.endsWith("s")) {
                params.set(name, value(values.get(0)));
            } else {
                ArrayNode list = params.putArray(name);
                for (String v : values) {
                    JsonNode parsed = value(v);
                    if (parsed.isArray()) {
                        list.addAll((ArrayNode) parsed);
                    } else {
                        list.add(parsed);
                    }
                }
                if (values.size() == 1 && !list.isEmpty() && !list.get(0).isObject() && !looksLikeList(option)) {
                    params.set(name, list.get(0));
                }
            }
        }
        return params;
    }

    private static boolean looksLikeList(String option) {
        return option.endsWith("names") || option.endsWith("arns") || option.endsWith("ids") || option.endsWith("keys")
                || option.endsWith("entries") || option.endsWith("list") || option.equals("tags");
    }

    /** JSON stays JSON; {@code Key=a,Value=b} shorthand becomes an object; anything else is a string. */
    private static JsonNode value(String v) {
        String t = v.trim();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                JsonNode parsed = JSON.readTree(t);
                // Policy documents are passed to the API as JSON text.
                if (parsed.isObject() && (parsed.has("Statement") || parsed.has("Version"))) {
                    return JsonNodeFactory.instance.textNode(t);
                }
                return parsed;
            } catch (Exception e) {
                throw new IllegalArgumentException("Error parsing parameter: Invalid JSON: " + t);
            }
        }
        if (t.contains("=") && t.matches("[A-Za-z]+=[^,]*(,[A-Za-z]+=[^,]*)*")) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (String pair : t.split(",")) {
                int eq = pair.indexOf('=');
                o.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return o;
        }
        return JsonNodeFactory.instance.textNode(v);
    }

    /** {@code create-virtual-mfa-device} → {@code CreateVirtualMFADevice}. */
    static String pascal(String kebab) {
        StringBuilder sb = new StringBuilder();
        for (String part : kebab.split("-")) {
            if (part.isEmpty()) {
                continue;
            }
            String known = ACRONYMS.get(part.toLowerCase(Locale.ROOT));
            sb.append(known != null ? known : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return sb.toString();
    }

    /** Splits a command line like a POSIX shell: quotes group words, backslash escapes. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote in: " + line);
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }

    private static String usage() {
        return "usage: aws [--profile NAME] <command> <subcommand> [parameters]\n"
                + "  aws configure [--profile NAME]\n  aws sts get-caller-identity\n"
                + "  aws iam list-users | create-user --user-name NAME | ...\n  aws s3 ls [s3://BUCKET]";
    }
}
