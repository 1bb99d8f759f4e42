package org.iamdojo.training.member;

import org.iamdojo.OnPostgresql;

/** {@link MemberServiceTest} on PostgreSQL, the shared store of several nodes (issue 20). */
@OnPostgresql
class MemberServiceOnPostgresqlTest extends MemberServiceTest {
}
