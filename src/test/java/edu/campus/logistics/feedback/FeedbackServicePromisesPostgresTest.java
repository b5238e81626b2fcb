package edu.campus.logistics.feedback;

import edu.campus.logistics.OnPostgres;

/** {@link FeedbackServicePromisesTest} on PostgreSQL: duty offers, working-time deadlines, 转报修 and its message. */
@OnPostgres
class FeedbackServicePromisesPostgresTest extends FeedbackServicePromisesTest {
}
