package edu.campus.logistics.notifications;

import edu.campus.logistics.OnPostgres;

/** {@link FailedNotificationsTest} on PostgreSQL (the V30 column, the cleanup's DELETE, the incident commands). */
@OnPostgres
class FailedNotificationsPostgresTest extends FailedNotificationsTest {
}
