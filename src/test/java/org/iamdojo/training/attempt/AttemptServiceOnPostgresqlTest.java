package org.iamdojo.training.attempt;

import org.iamdojo.OnPostgresql;

/** {@link AttemptServiceTest} on PostgreSQL, the shared store of several nodes (issue 20). */
@OnPostgresql
class AttemptServiceOnPostgresqlTest extends AttemptServiceTest {
}
