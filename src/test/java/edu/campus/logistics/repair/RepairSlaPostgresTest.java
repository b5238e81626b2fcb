package edu.campus.logistics.repair;

import edu.campus.logistics.OnPostgres;

/** {@link RepairSlaTest} on PostgreSQL: SLA timers and escalations. */
@OnPostgres
class RepairSlaPostgresTest extends RepairSlaTest {
}
