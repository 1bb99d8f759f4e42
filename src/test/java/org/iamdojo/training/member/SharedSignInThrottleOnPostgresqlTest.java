package org.iamdojo.training.member;

import org.iamdojo.OnPostgresql;

/** {@link SharedSignInThrottleTest} on PostgreSQL: two nodes' throttles share one database's counts (issue 20). */
@OnPostgresql
class SharedSignInThrottleOnPostgresqlTest extends SharedSignInThrottleTest {
}
