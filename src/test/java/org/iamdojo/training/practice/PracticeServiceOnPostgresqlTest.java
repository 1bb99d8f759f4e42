package org.iamdojo.training.practice;

import org.iamdojo.OnPostgresql;

/** {@link PracticeServiceTest} on PostgreSQL, the shared store of several nodes (issue 20). */
@OnPostgresql
class PracticeServiceOnPostgresqlTest extends PracticeServiceTest {
}
