package org.iamdojo.iam.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.policy.PolicyParseException;

/** Small builder for authorization requests in tests. */
final class Requests {
    private String principal = "arn:aws:iam::111122223333:user/alice";
    private String action = "s3:GetObject";
    private String resource = "arn:aws:s3:::bucket/key";
    private String resourceAccount;
    private String sessionIssuer;
    private final Map<String, List<String>> context = new LinkedHashMap<>();
    private final List<CompiledPolicy> identity = new ArrayList<>();
    private CompiledPolicy boundary;
    private CompiledPolicy session;
    private CompiledPolicy resourcePolicy;
    private final List<List<CompiledPolicy>> scps = new ArrayList<>();
    private final List<List<CompiledPolicy>> rcps = new ArrayList<>();

    static Requests request() {
        return new Requests();
    }

    static CompiledPolicy policy(String json) {
        try {
            return CompiledPolicy.parse(json, null);
        } catch (PolicyParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 2012-10-17 policy with one statement given as JSON members without braces. */
    static CompiledPolicy stmt(String members) {
        return policy("{\"Version\":\"2012-10-17\",\"Statement\":[{" + members + "}]}");
    }

    static CompiledPolicy allowAll() {
        return stmt("\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"");
    }

    Requests principal(String p) {
        this.principal = p;
        return this;
    }

    Requests action(String a) {
        this.action = a;
        return this;
    }

    Requests resource(String r) {
        this.resource = r;
        return this;
    }

    Requests resourceAccount(String a) {
        this.resourceAccount = a;
        return this;
    }

    Requests sessionIssuer(String s) {
        this.sessionIssuer = s;
        return this;
    }

    Requests context(String key, String... values) {
        context.put(key, List.of(values));
        return this;
    }

    Requests identity(CompiledPolicy... p) {
        identity.addAll(List.of(p));
        return this;
    }

    Requests boundary(CompiledPolicy p) {
        this.boundary = p;
        return this;
    }

    Requests session(CompiledPolicy p) {
        this.session = p;
        return this;
    }

    Requests resourcePolicy(CompiledPolicy p) {
        this.resourcePolicy = p;
        return this;
    }

    Requests scpLevel(CompiledPolicy... p) {
        scps.add(List.of(p));
        return this;
    }

    Requests rcpLevel(CompiledPolicy... p) {
        rcps.add(List.of(p));
        return this;
    }

    Decision decide() {
        PrincipalInfo info = PrincipalInfo.parse(principal, sessionIssuer);
        RequestContext ctx = RequestContext.of(context).withDefaults(info.derivedContextKeys());
        return new Authorizer().authorize(new AuthorizationRequest(principal, action, resource, resourceAccount, ctx,
                identity, boundary, session, resourcePolicy, scps, rcps, sessionIssuer));
    }

    EvalDecision outcome() {
        return decide().decision();
    }
}
