package org.iamdojo.awsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.account.Params;

/**
 * The EC2 query dialect, between the wire and the JSON shapes of the sandbox's EC2 operations. Requests: lists are
 * {@code Name.N} with singular names ({@code InstanceId.1}, {@code Filter.1.Value.1}, {@code Tag.1.Key}) that the
 * operations take as {@code InstanceIds}, {@code Filters[].Values}, {@code Tags}. Responses: members straight under
 * {@code <ActionResponse>}, names in lower camel case, lists as {@code <xSet><item>} ({@code reservationSet},
 * {@code instancesSet}, {@code tagSet}), an instance's State as {@code instanceState}, and {@code <return>true</return>}
 * for operations that answer nothing else.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html,
 * https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html
 */
final class Ec2Query {
    /** Query list names (singular on the wire) and the operations' member names. */
    private static final Map<String, String> REQUEST_LISTS = Map.of("InstanceId", "InstanceIds", "Filter", "Filters",
            "Value", "Values", "ResourceId", "Resources", "Tag", "Tags", "TagSpecification", "TagSpecifications",
            "SecurityGroupId", "SecurityGroupIds", "AssociationId", "AssociationIds");
    /** Response list names on the wire; any other list X is {@code xSet}. */
    private static final Map<String, String> RESPONSE_LISTS = Map.of("Reservations", "reservationSet",
            "Instances", "instancesSet", "StartingInstances", "instancesSet", "StoppingInstances", "instancesSet",
            "TerminatingInstances", "instancesSet", "Tags", "tagSet",
            "IamInstanceProfileAssociations", "iamInstanceProfileAssociationSet");

    private Ec2Query() {
    }

    /** The operation's params from the request's form pairs. */
    static Params params(List<Map.Entry<String, String>> form) {
        // EC2 lists carry no ".member": Name.N is what QueryProtocol already reads as a list.
        return new Params((ObjectNode) renameRequest(QueryProtocol.params(form).json()));
    }

    private static JsonNode renameRequest(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String name = f.getValue().isArray() ? REQUEST_LISTS.getOrDefault(f.getKey(), f.getKey()) : f.getKey();
                out.set(name, renameRequest(f.getValue()));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(e -> out.add(renameRequest(e)));
            return out;
        }
        return node;
    }

    /** A successful response body. */
    static String response(String action, ObjectNode result, String requestId) {
        ObjectNode wire = (ObjectNode) renameResponse(result, null);
        if (wire.isEmpty()) {
            wire.put("return", true);
        }
        return QueryProtocol.ec2Response(action, wire, requestId);
    }

    private static JsonNode renameResponse(JsonNode node, String parent) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                String wire;
                if (value.isArray()) {
                    wire = RESPONSE_LISTS.getOrDefault(name, lowerCamel(name.endsWith("s") ? name.substring(0, name.length() - 1) : name) + "Set");
                } else if (name.equals("State") && value.isObject() && "instancesSet".equals(parent)) {
                    wire = "instanceState";
                } else {
                    wire = lowerCamel(name);
                }
                out.set(wire, renameResponse(value, wire));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(e -> out.add(renameResponse(e, parent)));
            return out;
        }
        return node;
    }

    private static String lowerCamel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
