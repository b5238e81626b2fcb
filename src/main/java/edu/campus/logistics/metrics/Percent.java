package edu.campus.logistics.metrics;

/** Shares as percentages with one decimal; null when nothing was counted. */
final class Percent {

  private Percent() {
  }

  static Double of(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  static Double mean(double sum, long count) {
    return count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
  }
}
