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
import java.util.List;
import java.util.Map;
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
    /** The private address that calls from instances come from. */
    public static final String INSTANCE_SOURCE_IP = "10.0.1.23";

    private Ec2Operations() {
    }

    /** The EC2 state of a sandbox. */
    public static Ec2State state(Sandbox sandbox) {
        return sandbox.extension(Ec2State.class, Ec2State::new);
    }

    /** Registers the EC2 operations on a sandbox. */
    public static void registerAll(Sandbox sb) {
        sb.register(Operation.of("ec2", "RunInstances", false, Ec2Operations::runAccess, Ec2Operations::run));
        sb.register(Operation.of("ec2", "DescribeInstances", true,
                (c, p) -> List.of(AccessRequest.of("ec2:DescribeInstances", null, c.accountId())),
                Ec2Operations::describe));
        sb.register(Operation.of("ec2", "StopInstances", false,
                (c, p) -> instanceNeeds(c, p, "ec2:StopInstances"),
                (c, p) -> transition(c, p, "StoppingInstances", "stopped")));
        sb.register(Operation.of("ec2", "StartInstances", false,
                (c, p) -> instanceNeeds(c, p, "ec2:StartInstances"),
                (c, p) -> transition(c, p, "StartingInstances", "running")));
        sb.register(Operation.of("ec2", "TerminateInstances", false,
                (c, p) -> instanceNeeds(c, p, "ec2:TerminateInstances"),
                (c, p) -> transition(c, p, "TerminatingInstances", "terminated")));
        sb.register(Operation.of("ec2", "AssociateIamInstanceProfile", false,
                (c, p) -> {
                    Ec2State.Instance i = instance(c, p.required("InstanceId"));
                    List<AccessRequest> needs = new ArrayList<>();
                    needs.add(AccessRequest.of("ec2:AssociateIamInstanceProfile", i.arn(c.sandbox().region()),
                            c.accountId()));
                    passRole(c, profile(c, p), needs);
                    return needs;
                },
                (c, p) -> {
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
                }));
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

    private static List<AccessRequest> runAccess(OperationContext c, Params p) {
        p.required("ImageId");
        List<AccessRequest> needs = new ArrayList<>();
        needs.add(AccessRequest.of("ec2:RunInstances",
                "arn:aws:ec2:" + c.sandbox().region() + ":" + c.accountId() + ":instance/*", c.accountId()));
        if (p.json().hasNonNull("IamInstanceProfile")) {
            passRole(c, profile(c, p), needs);
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
        for (Ec2State.Instance i : state(c.sandbox()).instances()) {
            if (i.accountId().equals(c.accountId()) && (ids.isEmpty() || ids.contains(i.instanceId()))) {
                ObjectNode r = reservations.addObject();
                r.put("OwnerId", i.accountId());
                r.putArray("Instances").add(instanceJson(c, i));
            }
        }
        return out;
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
            needs.add(AccessRequest.of(action, instance(c, id).arn(c.sandbox().region()), c.accountId()));
        }
        return needs;
    }

    private static List<String> instanceIds(Params p) {
        List<String> ids = p.list("InstanceIds");
        if (ids.isEmpty()) {
            throw new AwsException("MissingParameter", 400, "The request must contain the parameter InstanceIds");
        }
        return ids;
    }

    /** Passing a role to EC2 needs iam:PassRole with iam:PassedToService = ec2.amazonaws.com. */
    private static void passRole(OperationContext c, InstanceProfile ip, List<AccessRequest> needs) {
        var role = ip.roleName() == null ? null : c.account().role(ip.roleName());
        if (role != null) {
            needs.add(new AccessRequest("iam:PassRole", role.arn(), c.accountId(), null,
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
