package edu.campus.logistics.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations in milliseconds, collected from several threads, and their percentiles. */
final class Latencies {

  private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

  void add(long nanos) {
    millis.add(nanos / 1_000_000.0);
  }

  void addAll(Latencies other) {
    synchronized (other.millis) {
      millis.addAll(other.millis);
    }
  }

  int count() {
    return millis.size();
  }

  /** The {@code percent}-th percentile (nearest rank), 0 when empty. */
  double percentile(double percent) {
    List<Double> sorted;
    synchronized (millis) {
      sorted = new ArrayList<>(millis);
    }
    if (sorted.isEmpty()) {
      return 0;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
