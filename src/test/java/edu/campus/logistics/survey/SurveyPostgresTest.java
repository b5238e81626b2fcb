package edu.campus.logistics.survey;

import edu.campus.logistics.OnPostgres;

/** {@link SurveyTest} on PostgreSQL: the V27 aggregate tables, answers counted in the task's transaction, the timer's start. */
@OnPostgres
class SurveyPostgresTest extends SurveyTest {
}
