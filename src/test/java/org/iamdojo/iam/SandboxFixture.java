package org.iamdojo.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Json;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.time.SandboxClock;

/** A sandbox built by {@link SandboxFactory} with the real engine, and shortcuts for tests. */
public final class SandboxFixture {
    /** The time every test sandbox starts at. */
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    /** Allows everything: the document of AdministratorAccess. */
    public static final String ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    public final SandboxClock clock = SandboxClock.fixed(T0);
    public final Sandbox sandbox = SandboxFactory.create(clock, 7, ManagedPolicySource.NONE,
            SandboxFactory.parserChecker());

    /** Adds an account (root password "RootPassw0rd!"). */
    public SandboxFixture account(String id) {
        sandbox.createAccount(id, "root@" + id + ".example.com", "RootPassw0rd!");
        return this;
    }

    /** The root user's console session. */
    public static Credentials root(String accountId) {
        return Credentials.ConsoleSession.root(accountId, false);
    }

    /** Creates a user with the given inline policies (may be none) and returns an access key pair of it. */
    public Credentials.AccessKeyPair user(String accountId, String name, String... policies) {
        setup(accountId, "iam", "CreateUser", Params.of("UserName", name));
        for (int i = 0; i < policies.length; i++) {
            setup(accountId, "iam", "PutUserPolicy", Params.of("UserName", name, "PolicyName", "p" + i,
                    "PolicyDocument", policies[i]));
        }
        ObjectNode key = (ObjectNode) setup(accountId, "iam", "CreateAccessKey", Params.of("UserName", name))
                .get("AccessKey");
        return Credentials.AccessKeyPair.longTerm(key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText());
    }

    /** Creates a role with a trust policy and inline permission policies; returns its ARN. */
    public String role(String accountId, String name, String trust, String... policies) {
        ObjectNode r = setup(accountId, "iam", "CreateRole", Params.of("RoleName", name, "AssumeRolePolicyDocument", trust));
        for (int i = 0; i < policies.length; i++) {
            setup(accountId, "iam", "PutRolePolicy", Params.of("RoleName", name, "PolicyName", "p" + i,
                    "PolicyDocument", policies[i]));
        }
        return r.get("Role").get("Arn").asText();
    }

    /** Runs an operation as the account owner without authorization (scenario setup). */
    public ObjectNode setup(String accountId, String service, String op, Params params) {
        return sandbox.setup(accountId, service, op, params);
    }

    /** Calls an operation. */
    public CallResult call(Credentials who, String service, String op, Params params) {
        return sandbox.call(who, service, op, params, null);
    }

    /** The temporary credentials of an STS response. */
    public static Credentials.AccessKeyPair temporary(ObjectNode response) {
        ObjectNode c = (ObjectNode) response.get("Credentials");
        return new Credentials.AccessKeyPair(c.get("AccessKeyId").asText(), c.get("SecretAccessKey").asText(),
                c.get("SessionToken").asText());
    }

    /** Parameters from a JSON object text. */
    public static Params json(String json) {
        try {
            return new Params((ObjectNode) Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A one-statement Allow policy. */
    public static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    /** A trust policy letting an AWS principal (account id or ARN) assume the role, with an optional condition. */
    public static String trust(String principal, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal
                + "\"},\"Action\":\"sts:AssumeRole\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }
}
