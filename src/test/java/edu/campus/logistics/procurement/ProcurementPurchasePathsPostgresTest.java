package edu.campus.logistics.procurement;

import edu.campus.logistics.OnPostgres;

/** {@link ProcurementPurchasePathsTest} on PostgreSQL. */
@OnPostgres
class ProcurementPurchasePathsPostgresTest extends ProcurementPurchasePathsTest {
}
