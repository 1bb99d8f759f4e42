package org.iamdojo.iam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.eval.Decision;
import org.jspecify.annotations.Nullable;

/**
 * A sandbox AWS CLI for the learner's terminal: {@code aws configure [--profile P]} (with its four prompts),
 * {@code aws <service> <operation> --param value …} for any sandbox operation (kebab-case names mapped to the
 * API's names as the AWS CLI does), {@code aws s3 ls|mb|rb|rm|cp} and {@code --profile}. Like CloudShell, a
 * command without a profile runs as the console identity. {@link #command} writes an API call the other way
 * round, as a command line this terminal and the real AWS CLI both accept. One instance per terminal; not
 * thread-safe.
 */
public final class AwsCommandLine {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, String> SERVICES = Map.ofEntries(Map.entry("iam", "iam"), Map.entry("sts", "sts"),
            Map.entry("s3api", "s3"), Map.entry("ec2", "ec2"), Map.entry("cloudwatch", "cloudwatch"),
            Map.entry("account", "account"), Map.entry("organizations", "organizations"), Map.entry("support", "support"),
            Map.entry("cloudfront", "cloudfront"), Map.entry("aws-portal", "aws-portal"), Map.entry("kms", "kms"),
            Map.entry("cloudtrail", "cloudtrail"));
    /** Words the AWS API writes in capitals inside operation and parameter names. */
    private static final Map<String, String> ACRONYMS = Map.of("mfa", "MFA", "arn", "Arn", "id", "Id",
            "ids", "Ids", "saml", "SAML", "oidc", "OpenIDConnect", "ssh", "SSH");
    private static final Set<String> FLAGS_ONLY = Set.of("--no-paginate", "--debug", "--no-cli-pager");
    // botocore's xform_name, which names every CLI command and option after the API's names.
    private static final Pattern PLURAL_ACRONYM = Pattern.compile("[A-Z]{2,}s$");
    private static final Pattern FIRST_CAP = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern END_CAP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9@%+=:,./_^-]+");
    /** The AWS CLI's return codes: https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-returncodes.html */
    static final int EXIT_OK = 0;
    /** An s3 high-level command (ls, mb, rb, rm, cp) failed. */
    static final int EXIT_S3_FAILED = 1;
    /** A shell's answer to a command that is not aws. */
    static final int EXIT_COMMAND_NOT_FOUND = 127;
    /** Invalid syntax, an unknown parameter or a bad parameter value. */
    static final int EXIT_USAGE = 252;
    /** The configuration is invalid: no credentials. */
    static final int EXIT_NO_CREDENTIALS = 253;
    /** The request reached the service, which answered an error. */
    static final int EXIT_SERVICE_ERROR = 254;
    /** The command failed for another reason (an unknown profile). */
    static final int EXIT_FAILED = 255;
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
        this(sandbox, (c, s, o, p) -> sandbox.call(c, s, o, p, Sandbox.DEFAULT_SOURCE_IP));
    }

    public AwsCommandLine(Sandbox sandbox, Route route) {
        this.sandbox = sandbox;
        this.route = route;
    }

    /**
     * What one line printed and how it ended; {@code decision} is the engine's Decision of an AccessDenied
     * (for the terminal's "why?"), else null. {@code prompt} is the next prompt text while configuring.
     */
    public record Output(String text, int exitCode, @Nullable Decision decision, @Nullable String prompt,
                         @Nullable Message message) {
        public Output(String text, int exitCode, @Nullable Decision decision, @Nullable String prompt) {
            this(text, exitCode, decision, prompt, null);
        }

        static Output ok(String text) {
            return new Output(text, EXIT_OK, null, null);
        }

        static Output fail(String text, int code) {
            return new Output(text, code, null, null);
        }

        static Output fail(Message message, String text, int code) {
            return new Output(text, code, null, null, message);
        }
    }

    /**
     * The terminal's own message (not AWS's) as a translation key under {@code terminal.} with its arguments, so
     * the UI can show it in the learner's language; {@link Output#text} holds the English words.
     */
    public record Message(String key, List<String> args) {
        public Message {
            args = List.copyOf(args);
        }
    }

    /** Configures a profile with these keys, as {@code aws configure --profile NAME} would. */
    public void addProfile(String name, Credentials.AccessKeyPair keys) {
        Map<String, String> p = profiles.computeIfAbsent(name, k -> new LinkedHashMap<>());
        p.put("aws_access_key_id", keys.accessKeyId());
        p.put("aws_secret_access_key", keys.secretAccessKey());
        if (keys.sessionToken() != null) {
            p.put("aws_session_token", keys.sessionToken());
        } else {
            p.remove("aws_session_token");
        }
    }

    /** The access keys of a configured profile, or null when it has none (or does not exist). */
    public Credentials.AccessKeyPair profileKeys(String name) {
        Map<String, String> p = profiles.get(name);
        if (p == null || p.get("aws_access_key_id") == null || p.get("aws_secret_access_key") == null) {
            return null;
        }
        return new Credentials.AccessKeyPair(p.get("aws_access_key_id"), p.get("aws_secret_access_key"),
                p.get("aws_session_token"));
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
            return Output.fail(e.getMessage(), EXIT_USAGE);
        }
        if (words.isEmpty()) {
            return Output.ok("");
        }
        if (!words.get(0).equals("aws")) {
            return Output.fail(new Message("not-found", List.of(words.get(0))), words.get(0) + ": command not found (this terminal runs the AWS CLI: try "
                    + "'aws sts get-caller-identity')", EXIT_COMMAND_NOT_FOUND);
        }
        if (words.size() < 2 || words.get(1).equals("help")) {
            return Output.fail(new Message("usage", List.of()), usage(), EXIT_USAGE);
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
        if (args.isEmpty()) {
            // Only global options (e.g. "aws --output json"): no command to run.
            return Output.fail(new Message("usage", List.of()), usage(), EXIT_USAGE);
        }
        if (args.get(0).equals("configure")) {
            return configure(args, profile);
        }
        Credentials credentials = console;
        if (profile != null || profiles.containsKey("default")) {
            String name = profile == null ? "default" : profile;
            if (!profiles.containsKey(name)) {
                return Output.fail("The config profile (" + name + ") could not be found", EXIT_FAILED);
            }
            credentials = profileKeys(name);
            if (credentials == null) {
                return Output.fail("Unable to locate credentials. You can configure credentials by running \"aws configure\".", EXIT_NO_CREDENTIALS);
            }
        }
        if (args.size() < 2) {
            return Output.fail(new Message("usage", List.of()), usage(), EXIT_USAGE);
        }
        if (args.get(0).equals("s3")) {
            return s3(args, credentials);
        }
        if (args.get(0).equals("accessanalyzer") && List.of("check-no-new-access", "check-access-not-granted",
                "check-no-public-access").contains(args.get(1))) {
            return checkNoNewAccess(args.get(1), args.subList(2, args.size()));
        }
        String service = SERVICES.get(args.get(0));
        if (service == null) {
            return Output.fail("aws: error: argument command: Invalid choice: '" + args.get(0) + "'", EXIT_USAGE);
        }
        String operation = operationName(service, args.get(1));
        if (!sandbox.operationNames().contains(service + ":" + operation)) {
            List<String> near = CliOptions.closest(args.get(1), commands(service));
            if (!near.isEmpty()) {
                // The AWS CLI's own answer to a mistyped command (awscli's argparser).
                return Output.fail(new Message("did-you-mean", List.of(args.get(1), String.join("\n  * ", near))),
                        "aws: error: argument operation: Invalid choice: '" + args.get(1) + "', maybe you meant:\n\n  * "
                                + String.join("\n  * ", near), EXIT_USAGE);
            }
        }
        List<String> unknown = CliOptions.unknown(service, operation,
                withoutFileArguments(operation, args.subList(2, args.size())));
        if (!unknown.isEmpty()) {
            // AWS CLI 1.x prints exactly this for options an operation does not have.
            return Output.fail(new Message("unknown-options", List.of(String.join(", ", unknown))),
                    "Unknown options: " + String.join(", ", unknown), EXIT_USAGE);
        }
        ObjectNode params;
        try {
            params = parameters(withoutFileArguments(operation, args.subList(2, args.size())));
        } catch (IllegalArgumentException e) {
            return Output.fail("aws: error: " + e.getMessage(), EXIT_USAGE);
        }
        return call(credentials, service, operation, params);
    }

    /**
     * {@code aws accessanalyzer check-no-new-access|check-access-not-granted|check-no-public-access}: the engine's policy checks (no call to the sandbox, as
     * Access Analyzer's checks only read the documents given); exit 0 PASS, 1 FAIL, 252 UNKNOWN or bad input.
     */
    private static Output checkNoNewAccess(String command, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CheckNoNewAccessCommand.run(command, args.toArray(new String[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = (out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).strip();
        return code == ExitCode.OK ? Output.ok(text)
                : Output.fail(text, code == ExitCode.POLICY_HAS_ERRORS ? 1 : EXIT_USAGE);
    }

    /** The CLI command names of the service's sandbox operations. */
    private List<String> commands(String service) {
        List<String> out = new ArrayList<>();
        for (String name : sandbox.operationNames()) {
            int colon = name.indexOf(':');
            if (name.substring(0, colon).equals(service)) {
                out.add(kebab(name.substring(colon + 1)));
            }
        }
        return out;
    }

    /** The registered operation the CLI command name stands for (as the CLI derives it), else its PascalCase. */
    private String operationName(String service, String command) {
        for (String name : sandbox.operationNames()) {
            int colon = name.indexOf(':');
            if (name.substring(0, colon).equals(service) && kebab(name.substring(colon + 1)).equals(command)) {
                return name.substring(colon + 1);
            }
        }
        return pascal(command);
    }

    /**
     * Drops the arguments the AWS CLI adds to an API call to name the file it writes: get-object's positional
     * outfile, create-virtual-mfa-device's --outfile and --bootstrap-method. The sandbox has no file system,
     * so the terminal prints what the CLI would write.
     */
    private static List<String> withoutFileArguments(String operation, List<String> args) {
        List<String> out = new ArrayList<>(args);
        if (operation.equals("GetObject") && out.size() >= 3 && !out.get(out.size() - 1).startsWith("--")
                && !out.get(out.size() - 2).startsWith("--")) {
            out.remove(out.size() - 1);
        }
        if (operation.equals("CreateVirtualMFADevice")) {
            for (String option : List.of("--outfile", "--bootstrap-method")) {
                int at = out.indexOf(option);
                if (at >= 0 && at + 1 < out.size()) {
                    out.subList(at, at + 2).clear();
                }
            }
        }
        return out;
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
        return new Output(text, EXIT_SERVICE_ERROR, r.decision(), null);
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
            return new Output("", EXIT_OK, null, prompt());
        }
        return Output.fail("usage: aws configure [--profile NAME] | aws configure set KEY VALUE [--profile NAME]", EXIT_USAGE);
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
        return new Output("", EXIT_OK, null, prompt());
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
                    return Output.fail("usage: aws s3 " + cmd + " s3://BUCKET", EXIT_USAGE);
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
                    return Output.fail("usage: aws s3 cp s3://SRC/KEY s3://DST/KEY | aws s3 cp --content TEXT s3://DST/KEY", EXIT_USAGE);
                }
                String body;
                String target;
                if (args.get(2).equals("--content")) {
                    body = args.get(3);
                    target = args.size() > 4 ? args.get(4) : null;
                    if (target == null) {
                        return Output.fail("usage: aws s3 cp --content TEXT s3://DST/KEY", EXIT_USAGE);
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
                        + "' (valid: ls, mb, rb, rm, cp)", EXIT_USAGE);
            }
        }
    }

    private static Output error(CallResult r, String operation) {
        return new Output("An error occurred (" + r.error().code() + ") when calling the " + operation
                + " operation: " + r.error().getMessage(), EXIT_S3_FAILED, r.decision(), null);
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
                boolean jsonArray = false;
                for (String v : values) {
                    JsonNode parsed = value(v);
                    if (parsed.isArray()) {
                        list.addAll((ArrayNode) parsed);
                        jsonArray = true;
                    } else {
                        list.add(parsed);
                    }
                }
                if (values.size() == 1 && !jsonArray && !list.get(0).isObject() && !looksLikeList(option)) {
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

    /**
     * {@code CreateVirtualMFADevice} → {@code create-virtual-mfa-device}, {@code ListObjectsV2} →
     * {@code list-objects-v2}: how the AWS CLI names commands and options after the API (botocore's xform_name).
     */
    public static String kebab(String name) {
        if (name.contains("-")) {
            return name;
        }
        Matcher plural = PLURAL_ACRONYM.matcher(name);
        if (plural.find()) {
            name = name.substring(0, plural.start()) + "-" + plural.group().toLowerCase(Locale.ROOT);
        }
        String words = FIRST_CAP.matcher(name).replaceAll("$1-$2");
        return END_CAP.matcher(words).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * One API call as a command line, e.g. {@code aws iam create-group --group-name developers}: options in
     * kebab-case, objects (policy documents, structures) as single-quoted JSON, lists as separate words, true
     * and false as {@code --flag} / {@code --no-flag}, plus the output file the AWS CLI requires for get-object and
     * create-virtual-mfa-device. This terminal parses it back to the same call (scalars as text, as it passes
     * every scalar), and the AWS CLI does too for operations AWS has (a few root-only tasks are sandbox-only).
     * {@code s3} calls go through {@code s3api}.
     *
     * @throws IllegalArgumentException for a service the CLI does not have
     */
    public static String command(String service, String operation, ObjectNode params) {
        String cli = SERVICES.entrySet().stream().filter(e -> e.getValue().equals(service)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No CLI command for service " + service));
        StringBuilder line = new StringBuilder("aws ").append(cli).append(' ').append(kebab(operation));
        if (params != null) {
            params.fields().forEachRemaining(e -> option(line, kebab(e.getKey()), e.getValue()));
        }
        // The files the AWS CLI requires for these two (see withoutFileArguments).
        if (operation.equals("GetObject") && params != null && params.hasNonNull("Key")) {
            String key = params.get("Key").asText();
            String file = key.substring(key.lastIndexOf('/') + 1);
            line.append(' ').append(shellWord(file.isEmpty() ? "object" : file));
        }
        if (operation.equals("CreateVirtualMFADevice") && params != null && params.hasNonNull("VirtualMFADeviceName")) {
            line.append(" --outfile ").append(shellWord(params.get("VirtualMFADeviceName").asText() + "-seed.txt"))
                    .append(" --bootstrap-method Base32StringSeed");
        }
        return line.toString();
    }

    private static void option(StringBuilder line, String option, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isBoolean()) {
            line.append(value.asBoolean() ? " --" : " --no-").append(option);
            return;
        }
        line.append(" --").append(option);
        if (value.isArray()) {
            boolean scalars = true;
            for (JsonNode v : value) {
                scalars &= v.isValueNode() && !v.isNull();
            }
            // Several words always read back as a list, one word only for list-like option names.
            boolean words = scalars && (value.size() > 1
                    || value.size() == 1 && option.endsWith("s") && looksLikeList(option));
            if (words) {
                value.forEach(v -> line.append(' ').append(shellWord(v.asText())));
            } else {
                line.append(' ').append(shellWord(value.toString()));
            }
        } else if (value.isObject()) {
            line.append(' ').append(shellWord(value.toString()));
        } else {
            line.append(' ').append(shellWord(value.asText()));
        }
    }

    /** A word as a POSIX shell reads it back: bare when safe, else single-quoted, or $'…' for control characters. */
    static String shellWord(String word) {
        if (PLAIN_WORD.matcher(word).matches()) {
            return word;
        }
        if (word.chars().anyMatch(Character::isISOControl)) {
            StringBuilder sb = new StringBuilder("$'");
            for (char c : word.toCharArray()) {
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\'' -> sb.append("\\'");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    default -> {
                        if (Character.isISOControl(c)) {
                            sb.append(String.format("\\x%02x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('\'').toString();
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Splits a command line like a POSIX shell: quotes group words, backslash escapes, and bash's {@code $'…'}
     * reads {@code \n}, {@code \t}, {@code \r}, {@code \xHH}, {@code \\} and {@code \'} (multi-line text on one line).
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '$') {
                if (c == '\'') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length()) {
                    i = ansiEscape(line, i + 1, cur);
                } else {
                    cur.append(c);
                }
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                quote = '$';
                inWord = true;
                i++;
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

    /** Appends the character an escape inside {@code $'…'} stands for; returns the index of its last character. */
    private static int ansiEscape(String line, int at, StringBuilder out) {
        char e = line.charAt(at);
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'x' -> {
                int end = at + 1;
                while (end < line.length() && end < at + 3 && Character.digit(line.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == at + 1) {
                    out.append("\\x");
                    return at;
                }
                out.append((char) Integer.parseInt(line.substring(at + 1, end), 16));
                return end - 1;
            }
            case '\\', '\'', '"' -> out.append(e);
            default -> out.append('\\').append(e);
        }
        return at;
    }

    private static String usage() {
        return "usage: aws [--profile NAME] <command> <subcommand> [parameters]\n"
                + "  aws configure [--profile NAME]\n  aws sts get-caller-identity\n"
                + "  aws iam list-users | create-user --user-name NAME | ...\n  aws s3 ls [s3://BUCKET]";
    }
}
