package org.iamdojo.iam.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.OperationContext;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;

/**
 * The account tasks only the root user can do (from {@link RootOnlyTasks}): refused to every IAM user and role
 * whatever their policies say, even AdministratorAccess, with AWS's documented wording; allowed to the root
 * user of the account, still subject to the SCPs that govern it. Every attempt is recorded in CloudTrail.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html
 */
public final class RootOnlyOperations {
    static final Set<String> SUPPORT_PLANS = Set.of("basic", "developer", "business", "enterprise");

    private RootOnlyOperations() {
    }

    /** Registers one operation per root-only task. */
    public static void registerAll(Sandbox sandbox) {
        RootOnlyTasks catalogue = RootOnlyTasks.load();
        for (RootOnlyTasks.Task task : catalogue.rootOnly()) {
            sandbox.register(Operation.write(task.service(), task.operation(),
                    (c, p) -> access(c, task, catalogue.refusal()),
                    (c, p) -> execute(c, p, task)));
        }
        for (RootOnlyTasks.Task task : catalogue.formerlyRootOnly()) {
            // No longer root-only: authorized like any call, by the caller's policies for the task's IAM action.
            sandbox.register(Operation.write(task.service(), task.operation(),
                    (c, p) -> List.of(AccessRequest.of(task.iamAction(), "*", c.accountId())),
                    (c, p) -> execute(c, p, task)));
        }
    }

    /** The account ARN root-only tasks act on. */
    public static String accountArn(String accountId) {
        return "arn:aws:account::" + accountId + ":account";
    }

    private static List<AccessRequest> access(OperationContext c, RootOnlyTasks.Task task, RootOnlyTasks.Refusal refusal) {
        String resource = accountArn(c.caller().accountId());
        if (!c.caller().isRoot()) {
            throw new AwsException("AccessDenied", 403, "User: " + c.caller().arn() + " is not authorized to perform: "
                    + task.action() + " on resource: " + resource + ". " + refusal.message());
        }
        return List.of(AccessRequest.of(task.action(), resource, c.accountId()));
    }

    private static ObjectNode execute(OperationContext c, Params p, RootOnlyTasks.Task task) {
        SandboxAccount account = c.account();
        ObjectNode out = c.object();
        switch (task.operation()) {
            case "UpdateAccountName" -> account.updateAccountName(p.required("AccountName"));
            case "UpdateAccountEmail" -> {
                String email = p.required("NewEmailAddress");
                if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw AwsException.validation("The email address is not valid: " + email);
                }
                account.updateRootEmail(email);
            }
            case "UpdateRootPassword" -> {
                if (!account.updateRootPassword(p.required("OldPassword"), p.required("NewPassword"), c.ids().base32(16))) {
                    throw new AwsException("InvalidInput", 400, "The current password you entered is incorrect.");
                }
            }
            case "UpdateSupportPlan" -> {
                String plan = p.required("SupportPlan").toLowerCase();
                if (!SUPPORT_PLANS.contains(plan)) {
                    throw AwsException.validation("Unknown support plan " + plan + "; one of " + SUPPORT_PLANS);
                }
                account.updateSupportPlan(plan);
            }
            case "CloseAccount" -> account.close();
            default -> out.put("Status", "Submitted");
        }
        out.put("TaskId", task.id());
        return out;
    }
}
