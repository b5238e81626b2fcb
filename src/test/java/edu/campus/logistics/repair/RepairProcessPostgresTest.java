package edu.campus.logistics.repair;

import edu.campus.logistics.OnPostgres;

/** {@link RepairProcessTest} on PostgreSQL. */
@OnPostgres
class RepairProcessPostgresTest extends RepairProcessTest {
}
