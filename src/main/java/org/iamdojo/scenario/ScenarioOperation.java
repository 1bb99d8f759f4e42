package org.iamdojo.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One sandbox call of a setup list or a solution, e.g. {@code {as: root, service: iam, operation: CreateGroup,
 * params: {GroupName: Admins}}}.
 *
 * @param step the lesson step the call belongs to (solutions: marks the step boundary in the attempt)
 * @param as who calls: {@code root}, {@code root mfa}, {@code user NAME}, {@code user NAME mfa},
 *           {@code keys VAR} (credentials saved from an earlier response) or {@code instance NAME}; absent in
 *           setup lists, where calls run unauthorized as the account owner
 * @param account the account to act in (defaults to the home account)
 * @param params request parameters by AWS name; strings may hold {@code ${VAR}}, {@code ${VAR.Path}},
 *               {@code ${totp:VAR}} or {@code ${totp-previous:VAR}}
 * @param save variables to keep from the response: name → dotted path into the response
 * @param expectError an AWS error code the call must end with (e.g. AccessDenied), for calls that show a refusal
 */
public record ScenarioOperation(Integer step, String as, String account, String service, String operation,
                                ObjectNode params, Map<String, String> save,
                                @JsonProperty("expectError") String expectError) {

    /** Replaces absent save maps with none. */
    public ScenarioOperation {
        save = save == null ? Map.of() : Map.copyOf(save);
    }
}
