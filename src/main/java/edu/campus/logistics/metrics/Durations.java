package edu.campus.logistics.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Count, mean, median and 90th percentile of a set of durations, in minutes rounded to one decimal.
 * The median of an even count is the mean of the two middle values; the 90th percentile is the
 * nearest-rank value (the smallest value with at least 90 % of the values at or below it).
 * Without values the figures are null.
 */
public record Durations(int count, Double meanMinutes, Double medianMinutes, Double p90Minutes) {

  static Durations of(Collection<Duration> durations) {
    List<Long> millis = durations.stream().map(Duration::toMillis).sorted().toList();
    int n = millis.size();
    if (n == 0) {
      return new Durations(0, null, null, null);
    }
    double mean = millis.stream().mapToLong(Long::longValue).average().orElseThrow();
    double median = n % 2 == 1 ? millis.get(n / 2) : (millis.get(n / 2 - 1) + millis.get(n / 2)) / 2.0;
    long p90 = millis.get((int) Math.ceil(0.9 * n) - 1);
    return new Durations(n, minutes(mean), minutes(median), minutes(p90));
  }

  private static double minutes(double millis) {
    return Math.round(millis / 6_000.0) / 10.0;
  }
}
