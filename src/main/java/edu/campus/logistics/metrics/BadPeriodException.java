package edu.campus.logistics.metrics;

/** A reporting period that cannot be computed (bad date, from after to, too long): answered with 400. */
class BadPeriodException extends RuntimeException {

  BadPeriodException(String message) {
    super(message);
  }
}
