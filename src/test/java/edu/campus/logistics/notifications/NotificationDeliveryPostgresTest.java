package edu.campus.logistics.notifications;

import edu.campus.logistics.OnPostgres;

/**
 * {@link NotificationDeliveryTest} on PostgreSQL: the V19 tables, the outbox in the engine's
 * transaction, and two deliverers racing for the same messages under PostgreSQL's row locks.
 */
@OnPostgres
class NotificationDeliveryPostgresTest extends NotificationDeliveryTest {
}
