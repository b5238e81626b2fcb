package edu.campus.logistics.metrics;

import edu.campus.logistics.OnPostgres;

/**
 * {@link MetricsBenchmark} on the test JVM's throwaway PostgreSQL ({@code TestPostgres}); not part of the
 * default run: {@code mvn -B test -Dtest=MetricsPostgresBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@OnPostgres
class MetricsPostgresBenchmark extends MetricsBenchmark {
}
