package org.iamdojo.training.member;

import org.iamdojo.OnPostgresql;

/** {@link SignInAuthenticationProviderTest} on PostgreSQL, the shared store of several nodes (issue 20). */
@OnPostgresql
class SignInAuthenticationProviderOnPostgresqlTest extends SignInAuthenticationProviderTest {
}
