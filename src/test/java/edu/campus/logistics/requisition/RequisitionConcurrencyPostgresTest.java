package edu.campus.logistics.requisition;

import edu.campus.logistics.OnPostgres;

/** {@link RequisitionConcurrencyTest} on PostgreSQL: the row locks of a real server. */
@OnPostgres
class RequisitionConcurrencyPostgresTest extends RequisitionConcurrencyTest {
}
