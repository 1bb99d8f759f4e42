package org.iamdojo.iam.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.policy.PolicyParseException;

/**
 * Test shorthand over {@link AuthorizationRequest.Builder}: defaults for principal, action and resource, context
 * given key by key, and the engine's derived keys added before deciding, as {@code authorize} does.
 */
final class Requests {
    private final AuthorizationRequest.Builder builder = AuthorizationRequest
            .builder("arn:aws:iam::111122223333:user/alice", "s3:GetObject").resource("arn:aws:s3:::bucket/key");
    private String principal = "arn:aws:iam::111122223333:user/alice";
    private String sessionIssuer;
    private final Map<String, List<String>> context = new LinkedHashMap<>();

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
        builder.principal(p);
        return this;
    }

    Requests action(String a) {
        builder.action(a);
        return this;
    }

    Requests resource(String r) {
        builder.resource(r);
        return this;
    }

    Requests resourceAccount(String a) {
        builder.resourceAccount(a);
        return this;
    }

    Requests sessionIssuer(String s) {
        this.sessionIssuer = s;
        builder.sessionIssuer(s);
        return this;
    }

    Requests context(String key, String... values) {
        context.put(key, List.of(values));
        return this;
    }

    Requests identity(CompiledPolicy... p) {
        builder.identity(p);
        return this;
    }

    Requests boundary(CompiledPolicy p) {
        builder.boundary(p);
        return this;
    }

    Requests session(CompiledPolicy p) {
        builder.session(p);
        return this;
    }

    Requests resourcePolicy(CompiledPolicy p) {
        builder.resourcePolicy(p);
        return this;
    }

    Requests scpLevel(CompiledPolicy... p) {
        builder.scpLevel(p);
        return this;
    }

    Requests rcpLevel(CompiledPolicy... p) {
        builder.rcpLevel(p);
        return this;
    }

    Decision decide() {
        PrincipalInfo info = PrincipalInfo.parse(principal, sessionIssuer);
        RequestContext ctx = RequestContext.of(context).withDefaults(info.derivedContextKeys());
        return new Authorizer().authorize(builder.context(ctx).build());
    }

    EvalDecision outcome() {
        return decide().decision();
    }
}
