package edu.campus.logistics.ledger;

import edu.campus.logistics.OnPostgres;

/** {@link LedgerConcurrencyTest} on PostgreSQL. */
@OnPostgres
class LedgerConcurrencyPostgresTest extends LedgerConcurrencyTest {
}
