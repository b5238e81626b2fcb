package edu.campus.logistics.repair;

import edu.campus.logistics.OnPostgres;

/** {@link KpiReadModelTest} on PostgreSQL: upserts with {@code on conflict do nothing}, two backfills at once. */
@OnPostgres
class KpiReadModelPostgresTest extends KpiReadModelTest {
}
