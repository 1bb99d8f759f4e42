package org.iamdojo.training.storage;

import org.iamdojo.OnPostgresql;

/** {@link GroupCommitTest} on PostgreSQL, the shared store of several nodes (issue 20). */
@OnPostgresql
class GroupCommitOnPostgresqlTest extends GroupCommitTest {
}
