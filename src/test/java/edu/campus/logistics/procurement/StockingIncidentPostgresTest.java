package edu.campus.logistics.procurement;

import edu.campus.logistics.OnPostgres;

/** {@link StockingIncidentTest} on PostgreSQL. */
@OnPostgres
class StockingIncidentPostgresTest extends StockingIncidentTest {
}
