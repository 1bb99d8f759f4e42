package org.iamdojo.iam.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.policy.Glob;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.InstanceProfile;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.OperationContext;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;

/**
 * The simulated EC2 API: instances with an optional instance profile, their lifecycle, and "run a command on
 * the instance", which calls the sandbox with the credentials the instance gets from its metadata service.
 * Launching with a profile needs iam:PassRole on its role:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
 */
public final class Ec2Operations {
    /**
     * The address AWS sees for calls from a sandbox instance. The sandbox places instances in a public subnet with
     * a public IPv4 address and has no VPC endpoints, so a call to a public AWS endpoint carries the instance's
     * public address in aws:SourceIp and in CloudTrail's sourceIPAddress, not its private one (10.0.1.x; that
     * would be aws:VpcSourceIp, set only for calls through a VPC endpoint):
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip
     * 198.51.100.23 is from TEST-NET-2 (RFC 5737), reserved for documentation.
     */
    public static final String INSTANCE_SOURCE_IP = "198.51.100.23";

    private Ec2Operations() {
    }

    /** The EC2 state of a sandbox. */
    public static Ec2State state(Sandbox sandbox) {
        return sandbox.extension(Ec2State.class, Ec2State::new);
    }

    /** Registers the EC2 operations on a sandbox. */
    public static void registerAll(Sandbox sb) {
        List.of(
                Operation.write("ec2", "RunInstances", Ec2Operations::runAccess, Ec2Operations::run),
                Operation.read("ec2", "DescribeInstances", Ec2Operations::describeAccess, Ec2Operations::describe),
                // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceAttribute.html
                Operation.read("ec2", "DescribeInstanceAttribute",
                        (c, p) -> List.of(AccessRequest.withoutResource("ec2:DescribeInstanceAttribute", c.accountId())),
                        Ec2Operations::describeAttribute),
                Operation.write("ec2", "StopInstances", (c, p) -> instanceNeeds(c, p, "ec2:StopInstances"),
                        Ec2Operations::stopInstances),
                Operation.write("ec2", "StartInstances", (c, p) -> instanceNeeds(c, p, "ec2:StartInstances"),
                        Ec2Operations::startInstances),
                Operation.write("ec2", "TerminateInstances", (c, p) -> instanceNeeds(c, p, "ec2:TerminateInstances"),
                        Ec2Operations::terminateInstances),
                Operation.write("ec2", "CreateTags", Ec2Operations::createTagsAccess, Ec2Operations::createTags),
                Operation.write("ec2", "DeleteTags", Ec2Operations::deleteTagsAccess, Ec2Operations::deleteTags),
                Operation.write("ec2", "AssociateIamInstanceProfile", Ec2Operations::associateAccess,
                        Ec2Operations::associateIamInstanceProfile)
        ).forEach(sb::register);
    }

    private static ObjectNode createTags(OperationContext c, Params p) {
        Map<String, String> tags = tags(p.json().path("Tags"));
        for (String id : resourceIds(p)) {
            instance(c, id).tags.putAll(tags);
        }
        return c.object();
    }

    private static ObjectNode deleteTags(OperationContext c, Params p) {
        JsonNode given = p.json().path("Tags");
        for (String id : resourceIds(p)) {
            Ec2State.Instance i = instance(c, id);
            if (given.isEmpty()) {
                // "If you omit this parameter, we delete all user-defined tags for the specified resources."
                i.tags.clear();
            }
            for (JsonNode t : given) {
                String key = t.path("Key").asText();
                // A tag given with a value is deleted only when the value matches.
                if (!t.has("Value") || t.get("Value").asText().equals(i.tags.get(key))) {
                    i.tags.remove(key);
                }
            }
        }
        return c.object();
    }

    private static List<AccessRequest> describeAccess(OperationContext c, Params p) {
        return List.of(AccessRequest.withoutResource("ec2:DescribeInstances", c.accountId()));
    }

    private static ObjectNode stopInstances(OperationContext c, Params p) {
        return transition(c, p, "StoppingInstances", "stopped");
    }

    private static ObjectNode startInstances(OperationContext c, Params p) {
        return transition(c, p, "StartingInstances", "running");
    }

    private static ObjectNode terminateInstances(OperationContext c, Params p) {
        return transition(c, p, "TerminatingInstances", "terminated");
    }

    /** AssociateIamInstanceProfile needs the action on the instance and iam:PassRole on the profile's role. */
    private static List<AccessRequest> associateAccess(OperationContext c, Params p) {
        Ec2State.Instance i = instance(c, p.required("InstanceId"));
        List<AccessRequest> needs = new ArrayList<>();
        needs.add(AccessRequest.of("ec2:AssociateIamInstanceProfile", i.arn(c.sandbox().region()),
                c.accountId()));
        passRole(c, profile(c, p), needs);
        return needs;
    }

    private static ObjectNode associateIamInstanceProfile(OperationContext c, Params p) {
        Ec2State.Instance i = instance(c, p.required("InstanceId"));
        if (i.instanceProfileArn != null) {
            throw new AwsException("IncorrectState", 400,
                    "There is an existing association for instance " + i.instanceId());
        }
        InstanceProfile ip = profile(c, p);
        i.instanceProfileArn = ip.arn();
        i.associationId = "iip-assoc-" + hexId(c, 17);
        i.cachedCredentials = null;
        ObjectNode out = c.object();
        ObjectNode a = out.putObject("IamInstanceProfileAssociation");
        a.put("AssociationId", i.associationId);
        a.put("InstanceId", i.instanceId());
        a.putObject("IamInstanceProfile").put("Arn", ip.arn()).put("Id", ip.id());
        a.put("State", "associated");
        return out;
    }

    /**
     * Runs an API call on the instance, as a program there would: with the role credentials from the instance
     * metadata service, so the call is authorized as the instance profile's role session.
     */
    public static CallResult runOnInstance(Sandbox sandbox, String instanceId, String service, String operation,
                                           Params params) {
        InstanceCredentials creds = InstanceMetadata.of(sandbox).credentials(instanceId)
                .orElseThrow(() -> new AwsException("NoCredentials", 400,
                        "Unable to locate credentials. You can configure credentials by running \"aws configure\"."));
        return sandbox.call(new Credentials.AccessKeyPair(creds.accessKeyId(), creds.secretAccessKey(), creds.token()),
                service, operation, params, INSTANCE_SOURCE_IP);
    }

    /**
     * Launching needs ec2:RunInstances with the requested tags (aws:RequestTag, aws:TagKeys) and, when tags are
     * applied at launch, ec2:CreateTags with ec2:CreateAction = RunInstances
     * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html).
     */
    private static List<AccessRequest> runAccess(OperationContext c, Params p) {
        p.required("ImageId");
        Map<String, String> tags = launchTags(p);
        String instances = "arn:aws:ec2:" + c.sandbox().region() + ":" + c.accountId() + ":instance/*";
        List<AccessRequest> needs = new ArrayList<>();
        needs.add(AccessRequest.of("ec2:RunInstances", instances, c.accountId(), requestTags(tags)));
        if (!tags.isEmpty()) {
            Map<String, List<String>> ctx = new LinkedHashMap<>(requestTags(tags));
            ctx.put("ec2:CreateAction", List.of("RunInstances"));
            needs.add(AccessRequest.of("ec2:CreateTags", instances, c.accountId(), ctx));
        }
        if (p.json().hasNonNull("IamInstanceProfile")) {
            passRole(c, profile(c, p), needs);
        }
        return needs;
    }

    /** aws:RequestTag/KEY for each tag and aws:TagKeys for all of them. */
    private static Map<String, List<String>> requestTags(Map<String, String> tags) {
        Map<String, List<String>> ctx = new LinkedHashMap<>();
        tags.forEach((k, v) -> ctx.put("aws:RequestTag/" + k, List.of(v)));
        if (!tags.isEmpty()) {
            ctx.put("aws:TagKeys", List.copyOf(tags.keySet()));
        }
        return ctx;
    }

    /** The tags of an existing instance as aws:ResourceTag/KEY and ec2:ResourceTag/KEY. */
    private static Map<String, List<String>> resourceTags(Ec2State.Instance i) {
        Map<String, List<String>> ctx = new LinkedHashMap<>();
        i.tags.forEach((k, v) -> {
            ctx.put("aws:ResourceTag/" + k, List.of(v));
            ctx.put("ec2:ResourceTag/" + k, List.of(v));
        });
        return ctx;
    }

    /** The instance tags of RunInstances' TagSpecifications (ResourceType instance). */
    private static Map<String, String> launchTags(Params p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode spec : p.json().path("TagSpecifications")) {
            String type = spec.path("ResourceType").asText("");
            if (!type.equals("instance")) {
                throw new AwsException("InvalidParameterValue", 400, "'" + type + "' is not a valid taggable resource "
                        + "type for this operation: the sandbox tags instances (ResourceType instance).");
            }
            out.putAll(tags(spec.path("Tags")));
        }
        return out;
    }

    private static Map<String, String> tags(JsonNode list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode t : list) {
            String key = t.path("Key").asText("");
            if (key.isEmpty() || key.length() > 128 || key.toLowerCase().startsWith("aws:")) {
                throw new AwsException("InvalidParameterValue", 400, "Tag keys have 1 to 128 characters and may not "
                        + "start with aws: (" + key + ")");
            }
            out.put(key, t.path("Value").asText(""));
        }
        return out;
    }

    private static List<String> resourceIds(Params p) {
        return requiredIds(p, "Resources", "resourceIdSet");
    }

    private static List<AccessRequest> createTagsAccess(OperationContext c, Params p) {
        Map<String, String> tags = tags(p.json().path("Tags"));
        List<AccessRequest> needs = new ArrayList<>();
        for (String id : resourceIds(p)) {
            Ec2State.Instance i = instance(c, id);
            Map<String, List<String>> ctx = new LinkedHashMap<>(resourceTags(i));
            ctx.putAll(requestTags(tags));
            needs.add(AccessRequest.of("ec2:CreateTags", i.arn(c.sandbox().region()), c.accountId(), ctx));
        }
        return needs;
    }

    private static List<AccessRequest> deleteTagsAccess(OperationContext c, Params p) {
        List<String> keys = new ArrayList<>();
        p.json().path("Tags").forEach(t -> keys.add(t.path("Key").asText()));
        List<AccessRequest> needs = new ArrayList<>();
        for (String id : resourceIds(p)) {
            Ec2State.Instance i = instance(c, id);
            Map<String, List<String>> ctx = new LinkedHashMap<>(resourceTags(i));
            List<String> deleted = keys.isEmpty() ? List.copyOf(i.tags.keySet()) : keys;
            if (!deleted.isEmpty()) {
                ctx.put("aws:TagKeys", deleted);
            }
            needs.add(AccessRequest.of("ec2:DeleteTags", i.arn(c.sandbox().region()), c.accountId(), ctx));
        }
        return needs;
    }

    private static ObjectNode run(OperationContext c, Params p) {
        Integer count = p.integer("MaxCount");
        int n = count == null ? 1 : count;
        if (n < 1 || n > 20) {
            throw new AwsException("InvalidParameterValue", 400, "MaxCount must be between 1 and 20 in the sandbox");
        }
        InstanceProfile ip = p.json().hasNonNull("IamInstanceProfile") ? profile(c, p) : null;
        String userData = decodeUserData(p.optional("UserData"));
        ObjectNode out = c.object();
        out.put("ReservationId", "r-" + hexId(c, 17));
        out.put("OwnerId", c.accountId());
        ArrayNode list = out.putArray("Instances");
        for (int k = 0; k < n; k++) {
            Ec2State.Instance i = new Ec2State.Instance("i-" + hexId(c, 17), c.accountId(), p.required("ImageId"),
                    p.optional("InstanceType", "t3.micro"), c.now(), userData);
            if (ip != null) {
                i.instanceProfileArn = ip.arn();
                i.associationId = "iip-assoc-" + hexId(c, 17);
            }
            i.tags.putAll(launchTags(p));
            state(c.sandbox()).put(i);
            list.add(instanceJson(c, i));
        }
        return out;
    }

    private static ObjectNode describe(OperationContext c, Params p) {
        List<String> ids = p.list("InstanceIds");
        for (String id : ids) {
            instance(c, id);
        }
        ObjectNode out = c.object();
        ArrayNode reservations = out.putArray("Reservations");
        List<JsonNode> filters = new ArrayList<>();
        p.json().path("Filters").forEach(filters::add);
        for (Ec2State.Instance i : state(c.sandbox()).instances()) {
            if (i.accountId().equals(c.accountId()) && (ids.isEmpty() || ids.contains(i.instanceId()))
                    && filters.stream().allMatch(f -> matches(i, f))) {
                ObjectNode r = reservations.addObject();
                r.put("OwnerId", i.accountId());
                r.putArray("Instances").add(instanceJson(c, i));
            }
        }
        return out;
    }

    /** The attributes DescribeInstanceAttribute knows (AWS's list); the sandbox answers the two it models. */
    private static final List<String> ATTRIBUTES = List.of("instanceType", "kernel", "ramdisk", "userData",
            "disableApiTermination", "instanceInitiatedShutdownBehavior", "rootDeviceName", "blockDeviceMapping",
            "productCodes", "sourceDestCheck", "groupSet", "ebsOptimized", "sriovNetSupport", "enaSupport",
            "enclaveOptions", "disableApiStop");

    private static ObjectNode describeAttribute(OperationContext c, Params p) {
        String attribute = p.required("Attribute");
        if (!ATTRIBUTES.contains(attribute)) {
            throw new AwsException("InvalidParameterValue", 400,
                    "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        Ec2State.Instance i = instance(c, p.required("InstanceId"));
        ObjectNode out = c.object();
        out.put("InstanceId", i.instanceId());
        switch (attribute) {
            case "userData" -> {
                ObjectNode v = out.putObject("UserData");
                if (i.userData() != null) {
                    v.put("Value", Base64.getEncoder().encodeToString(i.userData().getBytes(StandardCharsets.UTF_8)));
                }
            }
            case "instanceType" -> out.putObject("InstanceType").put("Value", i.instanceType());
            default -> throw new AwsException("UnsupportedOperation", 400,
                    "The sandbox describes only the userData and instanceType attributes, not " + attribute + ".");
        }
        return out;
    }

    /**
     * One DescribeInstances filter: tag:KEY, tag-key, instance-id or instance-state-name, matching any of its Values
     * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html).
     */
    private static boolean matches(Ec2State.Instance i, JsonNode filter) {
        String name = filter.path("Name").asText("");
        List<String> values = new ArrayList<>();
        JsonNode v = filter.path("Values");
        if (v.isArray()) {
            v.forEach(x -> values.add(x.asText()));
        } else if (v.isTextual()) {
            values.add(v.asText());
        }
        if (name.startsWith("tag:")) {
            String value = i.tags.get(name.substring(4));
            return value != null && values.stream().anyMatch(x -> Glob.compile(x, false).matches(value));
        }
        return switch (name) {
            case "tag-key" -> values.stream().anyMatch(i.tags::containsKey);
            case "instance-id" -> values.contains(i.instanceId());
            case "instance-state-name" -> values.contains(i.state());
            default -> throw new AwsException("InvalidParameterValue", 400, "The filter '" + name + "' is invalid: "
                    + "the sandbox filters by tag:KEY, tag-key, instance-id and instance-state-name.");
        };
    }

    private static ObjectNode transition(OperationContext c, Params p, String listName, String target) {
        ObjectNode out = c.object();
        ArrayNode list = out.putArray(listName);
        List<Ec2State.Instance> instances = new ArrayList<>();
        for (String id : instanceIds(p)) {
            Ec2State.Instance i = instance(c, id);
            if ("terminated".equals(i.state) && !"terminated".equals(target)) {
                throw new AwsException("IncorrectInstanceState", 400, "The instance '" + id
                        + "' is not in a state from which it can be " + ("running".equals(target) ? "started." : "stopped."));
            }
            instances.add(i);
        }
        for (Ec2State.Instance i : instances) {
            ObjectNode e = list.addObject();
            e.put("InstanceId", i.instanceId());
            e.set("PreviousState", stateJson(c, i.state));
            i.state = target;
            e.set("CurrentState", stateJson(c, target));
            if (!"running".equals(target)) {
                i.cachedCredentials = null;
            }
        }
        return out;
    }

    private static List<AccessRequest> instanceNeeds(OperationContext c, Params p, String action) {
        List<AccessRequest> needs = new ArrayList<>();
        for (String id : instanceIds(p)) {
            Ec2State.Instance i = instance(c, id);
            needs.add(AccessRequest.of(action, i.arn(c.sandbox().region()), c.accountId(), resourceTags(i)));
        }
        return needs;
    }

    private static List<String> instanceIds(Params p) {
        return requiredIds(p, "InstanceIds", "InstanceIds");
    }

    /**
     * A list parameter EC2 requires, e.g. InstanceIds; empty is a MissingParameter naming it as EC2's query API
     * does ({@code wireName}: resourceIdSet for CreateTags' Resources).
     */
    private static List<String> requiredIds(Params p, String name, String wireName) {
        List<String> ids = p.list(name);
        if (ids.isEmpty()) {
            throw new AwsException("MissingParameter", 400, "The request must contain the parameter " + wireName);
        }
        return ids;
    }

    /** Passing a role to EC2 needs iam:PassRole with iam:PassedToService = ec2.amazonaws.com. */
    private static void passRole(OperationContext c, InstanceProfile ip, List<AccessRequest> needs) {
        var role = ip.roleName() == null ? null : c.account().role(ip.roleName());
        if (role != null) {
            needs.add(AccessRequest.of("iam:PassRole", role.arn(), c.accountId(),
                    Map.of("iam:PassedToService", List.of("ec2.amazonaws.com"))));
        }
    }

    private static InstanceProfile profile(OperationContext c, Params p) {
        JsonNode spec = p.json().get("IamInstanceProfile");
        String name = spec.path("Name").asText(null);
        String arn = spec.path("Arn").asText(null);
        SandboxAccount a = c.account();
        InstanceProfile ip = null;
        if (name != null) {
            ip = a.instanceProfile(name);
        } else if (arn != null) {
            ip = a.instanceProfile(arn.substring(arn.lastIndexOf('/') + 1));
            if (ip != null && !ip.arn().equals(arn)) {
                ip = null;
            }
        }
        if (ip == null) {
            String shown = name != null ? name : arn;
            throw new AwsException("InvalidParameterValue", 400, "Value (" + shown + ") for parameter iamInstanceProfile."
                    + (name != null ? "name" : "arn") + " is invalid. Invalid IAM Instance Profile "
                    + (name != null ? "name" : "ARN"));
        }
        return ip;
    }

    static Ec2State.Instance instance(OperationContext c, String id) {
        Ec2State.Instance i = state(c.sandbox()).instance(id);
        if (i == null || !i.accountId().equals(c.accountId())) {
            throw new AwsException("InvalidInstanceID.NotFound", 400, "The instance ID '" + id + "' does not exist");
        }
        return i;
    }

    /** User data arrives base64-encoded (the API) or as text (the console and CLI file://): keep it as text. */
    static String decodeUserData(String raw) {
        if (raw == null) {
            return null;
        }
        String compact = raw.replaceAll("\\s", "");
        if (!compact.isEmpty() && compact.matches("[A-Za-z0-9+/]+={0,2}") && compact.length() % 4 == 0) {
            try {
                byte[] bytes = Base64.getDecoder().decode(compact);
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                return raw;
            }
        }
        return raw;
    }

    private static ObjectNode instanceJson(OperationContext c, Ec2State.Instance i) {
        ObjectNode e = c.object();
        e.put("InstanceId", i.instanceId());
        e.put("ImageId", i.imageId());
        e.put("InstanceType", i.instanceType());
        e.put("LaunchTime", i.launchTime().toString());
        e.set("State", stateJson(c, i.state()));
        if (i.instanceProfileArn() != null) {
            e.putObject("IamInstanceProfile").put("Arn", i.instanceProfileArn());
        }
        if (!i.tags.isEmpty()) {
            ArrayNode tags = e.putArray("Tags");
            i.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        return e;
    }

    private static ObjectNode stateJson(OperationContext c, String name) {
        int code = switch (name) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            default -> 80;
        };
        ObjectNode s = c.object();
        s.put("Code", code);
        s.put("Name", name);
        return s;
    }

    private static String hexId(OperationContext c, int length) {
        String raw = c.ids().uniqueId("", length);
        StringBuilder sb = new StringBuilder(length);
        for (char ch : raw.toCharArray()) {
            sb.append(Character.forDigit(ch % 16, 16));
        }
        return sb.toString();
    }
}
