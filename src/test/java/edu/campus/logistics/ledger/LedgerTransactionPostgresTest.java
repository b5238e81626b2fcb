package edu.campus.logistics.ledger;

import edu.campus.logistics.OnPostgres;

/** {@link LedgerTransactionTest} on PostgreSQL. */
@OnPostgres
class LedgerTransactionPostgresTest extends LedgerTransactionTest {
}
