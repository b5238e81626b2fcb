package edu.campus.logistics.numbering;

import edu.campus.logistics.OnPostgres;

/** {@link CaseNumbersTest} on PostgreSQL: the counter row's lock and the savepoint of the year's first number. */
@OnPostgres
class CaseNumbersPostgresTest extends CaseNumbersTest {
}
