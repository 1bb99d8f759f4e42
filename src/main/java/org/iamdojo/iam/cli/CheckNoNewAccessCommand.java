package org.iamdojo.iam.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.analysis.NoNewAccessCheck;
import org.iamdojo.iam.analysis.NoNewAccessCheck.PolicyType;
import org.iamdojo.iam.analysis.NoNewAccessCheck.PublicResourceType;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Result;
import org.iamdojo.iam.analysis.NoNewAccessCheck.Verdict;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.policy.PolicyParseException;

/**
 * The Access Analyzer custom policy checks with the AWS CLI's flags:
 * {@code check-no-new-access --existing-policy-document DOC --new-policy-document DOC [--policy-type T]}
 * (https://docs.aws.amazon.com/cli/latest/reference/accessanalyzer/check-no-new-access.html),
 * {@code check-access-not-granted --policy-document DOC --access actions=A,A,resources=R,R [--policy-type T]}
 * (https://docs.aws.amazon.com/cli/latest/reference/accessanalyzer/check-access-not-granted.html) and
 * {@code check-no-public-access --policy-document DOC --resource-type AWS::S3::Bucket|AWS::IAM::AssumeRolePolicyDocument}
 * (https://docs.aws.amazon.com/cli/latest/reference/accessanalyzer/check-no-public-access.html); DOC is inline
 * JSON or file://PATH, T is IDENTITY_POLICY or RESOURCE_POLICY. Prints AWS-shaped JSON plus a
 * {@code counterexample} (an authorize request line without policies). Exit 0 PASS, 1 FAIL, 2 UNKNOWN or bad input.
 */
public final class CheckNoNewAccessCommand {
    /** The usage line. */
    public static final String USAGE = "usage: check-no-new-access --existing-policy-document JSON|file://PATH "
            + "--new-policy-document JSON|file://PATH [--policy-type IDENTITY_POLICY|RESOURCE_POLICY]";
    /** The usage of check-access-not-granted. */
    public static final String USAGE_NOT_GRANTED = "usage: check-access-not-granted --policy-document JSON|file://PATH "
            + "--access actions=ACTION,...[,resources=ARN,...] [--policy-type IDENTITY_POLICY|RESOURCE_POLICY]";
    /** The usage of check-no-public-access. */
    public static final String USAGE_PUBLIC = "usage: check-no-public-access --policy-document JSON|file://PATH "
            + "--resource-type AWS::S3::Bucket|AWS::IAM::AssumeRolePolicyDocument";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckNoNewAccessCommand() {
    }

    /** Runs check-no-new-access; returns the process exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run("check-no-new-access", args, out, err);
    }

    /** Runs one of the three checks by its CLI name; returns the process exit code. */
    public static int run(String command, String[] args, PrintStream out, PrintStream err) {
        String usage = usage(command);
        try {
            Map<String, String> opts = new LinkedHashMap<>();
            List<String> access = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help", "help" -> {
                        out.println(usage);
                        return ExitCode.BAD_INPUT;
                    }
                    case "--access" -> access.add(value(args, ++i, a));
                    case "--existing-policy-document", "--new-policy-document", "--policy-type", "--policy-document",
                            "--resource-type" -> opts.put(a, value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unexpected argument " + a);
                }
            }
            Verdict v = switch (command) {
                case "check-no-new-access" -> noNewAccess(required(opts, "--existing-policy-document"),
                        required(opts, "--new-policy-document"), opts.get("--policy-type"));
                case "check-access-not-granted" -> accessNotGranted(required(opts, "--policy-document"),
                        parseAccess(access), opts.get("--policy-type"));
                case "check-no-public-access" -> noPublicAccess(required(opts, "--policy-document"),
                        required(opts, "--resource-type"));
                default -> throw new IllegalArgumentException("unknown check " + command);
            };
            out.println(json(v));
            return v.result() == Result.PASS ? ExitCode.OK
                    : v.result() == Result.FAIL ? ExitCode.POLICY_HAS_ERRORS : ExitCode.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            err.println(usage);
            return ExitCode.BAD_INPUT;
        }
    }

    static String usage(String command) {
        return switch (command) {
            case "check-access-not-granted" -> USAGE_NOT_GRANTED;
            case "check-no-public-access" -> USAGE_PUBLIC;
            default -> USAGE;
        };
    }

    /** CheckNoNewAccess on documents as text (inline JSON or file://PATH). */
    public static Verdict noNewAccess(String existing, String proposed, String policyType) {
        PolicyType type = policyType(policyType);
        CompiledPolicy oldPolicy = parse(existing, "--existing-policy-document");
        CompiledPolicy newPolicy = parse(proposed, "--new-policy-document");
        return new NoNewAccessCheck().check(List.of(oldPolicy), List.of(newPolicy), type);
    }

    /** One {@code access} item: actions and resources (either may be empty). */
    public record Access(List<String> actions, List<String> resources) { }

    /** CheckAccessNotGranted: FAIL at the first access item the policy grants. */
    public static Verdict accessNotGranted(String document, List<Access> access, String policyType) {
        PolicyType type = policyType(policyType);
        CompiledPolicy p = parse(document, "--policy-document");
        if (access.isEmpty()) {
            throw new IllegalArgumentException("--access is required (actions=ACTION,... and/or resources=ARN,...)");
        }
        Verdict last = null;
        for (Access a : access) {
            last = new NoNewAccessCheck().accessNotGranted(List.of(p), a.actions(), a.resources(), type);
            if (last.result() != Result.PASS) {
                return last;
            }
        }
        return last;
    }

    /** CheckNoPublicAccess. */
    public static Verdict noPublicAccess(String document, String resourceType) {
        PublicResourceType t = PublicResourceType.of(resourceType);
        if (t == null) {
            throw new IllegalArgumentException("--resource-type " + resourceType + " is not supported (use "
                    + "AWS::S3::Bucket or AWS::IAM::AssumeRolePolicyDocument)");
        }
        return new NoNewAccessCheck().noPublicAccess(parse(document, "--policy-document"), t);
    }

    /** Parses {@code actions=a,b,resources=r} (the CLI shorthand) or the JSON list form. */
    static List<Access> parseAccess(List<String> values) {
        List<Access> out = new ArrayList<>();
        for (String v : values) {
            String t = v.strip();
            if (t.startsWith("[") || t.startsWith("{")) {
                try {
                    JsonNode n = JSON.readTree(t);
                    for (JsonNode item : n.isArray() ? n : JSON.createArrayNode().add(n)) {
                        out.add(new Access(strings(item.path("actions")), strings(item.path("resources"))));
                    }
                } catch (IOException e) {
                    throw new IllegalArgumentException("--access: not JSON: " + e.getMessage());
                }
                continue;
            }
            List<String> actions = new ArrayList<>();
            List<String> resources = new ArrayList<>();
            List<String> into = null;
            for (String part : t.split(",")) {
                String p = part.strip();
                if (p.startsWith("actions=")) {
                    into = actions;
                    p = p.substring("actions=".length());
                } else if (p.startsWith("resources=")) {
                    into = resources;
                    p = p.substring("resources=".length());
                }
                if (into == null) {
                    throw new IllegalArgumentException("--access: expected actions=... or resources=..., got " + p);
                }
                p = p.replace("[", "").replace("]", "");
                if (!p.isEmpty()) {
                    into.add(p);
                }
            }
            if (actions.isEmpty() && resources.isEmpty()) {
                throw new IllegalArgumentException("--access: no actions or resources in " + v);
            }
            out.add(new Access(actions, resources));
        }
        return out;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n.isTextual()) {
            out.add(n.asText());
        }
        return out;
    }

    private static PolicyType policyType(String t) {
        if (t == null || t.equals("IDENTITY_POLICY")) {
            return PolicyType.IDENTITY_POLICY;
        }
        if (t.equals("RESOURCE_POLICY")) {
            return PolicyType.RESOURCE_POLICY;
        }
        throw new IllegalArgumentException("--policy-type " + t + " is not supported (IDENTITY_POLICY or "
                + "RESOURCE_POLICY)");
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static CompiledPolicy parse(String doc, String option) {
        String text = doc;
        if (doc.startsWith("file://")) {
            try {
                text = Files.readString(Path.of(doc.substring("file://".length())));
            } catch (IOException e) {
                throw new IllegalArgumentException(option + ": cannot read " + doc + ": " + e.getMessage());
            }
        }
        try {
            return CompiledPolicy.parse(text, option);
        } catch (PolicyParseException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    /** The AWS-shaped response with the counterexample object. */
    public static String json(Verdict v) {
        return json(v, true);
    }

    /** The AWS-shaped response; {@code counterexample}: add the authorize request line object. */
    public static String json(Verdict v, boolean counterexample) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("result", v.result().name());
            g.writeStringField("message", v.message());
            g.writeArrayFieldStart("reasons");
            if (v.statementIndex() >= 0) {
                g.writeStartObject();
                g.writeStringField("description", v.message());
                g.writeNumberField("statementIndex", v.statementIndex());
                if (v.statementId() != null) {
                    g.writeStringField("statementId", v.statementId());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            AuthorizationRequest cx = v.counterexample();
            if (cx != null && counterexample) {
                g.writeObjectFieldStart("counterexample");
                g.writeStringField("principal", cx.principal());
                g.writeStringField("action", cx.action());
                g.writeStringField("resource", cx.resource());
                if (cx.resourceAccount() != null) {
                    g.writeStringField("resourceAccount", cx.resourceAccount());
                }
                g.writeObjectFieldStart("context");
                for (Map.Entry<String, List<String>> e : cx.context().asMap().entrySet()) {
                    g.writeArrayFieldStart(e.getKey());
                    for (String s : e.getValue()) {
                        g.writeString(s);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }
}
