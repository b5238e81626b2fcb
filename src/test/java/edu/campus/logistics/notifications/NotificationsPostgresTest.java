package edu.campus.logistics.notifications;

import edu.campus.logistics.OnPostgres;

/**
 * {@link NotificationsTest} on PostgreSQL, where a failed statement spoils the rest of its
 * transaction: the incident whose message cannot be written still stands only thanks to the savepoint.
 */
@OnPostgres
class NotificationsPostgresTest extends NotificationsTest {
}
