package edu.campus.logistics.procurement;

import edu.campus.logistics.OnPostgres;

/** {@link ProcurementApprovalPathsTest} on PostgreSQL. */
@OnPostgres
class ProcurementApprovalPathsPostgresTest extends ProcurementApprovalPathsTest {
}
