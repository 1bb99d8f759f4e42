package org.iamdojo.iam.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.eval.Requests.allowAll;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The named-part builder gives the same request as the positional constructor, and absent parts stay absent. */
class AuthorizationRequestBuilderTest {

    @Test
    void unsetPartsAreAbsent() {
        AuthorizationRequest r = AuthorizationRequest.builder("arn:aws:iam::111122223333:user/alice", "s3:ListAllMyBuckets")
                .build();
        assertThat(r).isEqualTo(new AuthorizationRequest("arn:aws:iam::111122223333:user/alice", "s3:ListAllMyBuckets",
                null, null, RequestContext.empty(), List.of(), null, null, null, List.of(), List.of(), null));
    }

    @Test
    void everyPartLandsInItsField() {
        CompiledPolicy id = allowAll();
        CompiledPolicy boundary = allowAll();
        CompiledPolicy session = allowAll();
        CompiledPolicy resource = allowAll();
        CompiledPolicy scp = allowAll();
        CompiledPolicy rcp = allowAll();
        RequestContext ctx = RequestContext.of(Map.of("aws:SourceIp", List.of("10.0.1.23")));
        AuthorizationRequest r = AuthorizationRequest.builder("p", "s3:GetObject").resource("arn:aws:s3:::b/k")
                .resourceAccount("444455556666").context(ctx).identity(id).boundary(boundary).session(session)
                .resourcePolicy(resource).scpLevel(scp).rcpLevel(rcp).sessionIssuer("arn:aws:iam::111122223333:role/r")
                .awsManagedResource(true).build();
        assertThat(r).isEqualTo(new AuthorizationRequest("p", "s3:GetObject", "arn:aws:s3:::b/k", "444455556666", ctx,
                List.of(id), boundary, session, resource, List.of(List.of(scp)), List.of(List.of(rcp)),
                "arn:aws:iam::111122223333:role/r", true));
        assertThat(r.toBuilder().build()).isEqualTo(r);
        assertThat(r.toBuilder().action("s3:PutObject").build().action()).isEqualTo("s3:PutObject");
        assertThat(r.toBuilder().action("s3:PutObject").build().identityPolicies()).containsExactly(id);
    }
}
