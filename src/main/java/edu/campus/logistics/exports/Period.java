package edu.campus.logistics.exports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The days an export covers, both inclusive, in the school's time zone ({@code campus.exports.time-zone});
 * an open end means "since the beginning" or "until now".
 */
record Period(LocalDate from, LocalDate to, ZoneId zone) {

  static Period parse(String from, String to, ZoneId zone) {
    Period period = new Period(date(from, "from"), date(to, "to"), zone);
    if (period.from != null && period.to != null && period.from.isAfter(period.to)) {
      throw ExportRefusal.badRequest("from " + period.from + " is after to " + period.to);
    }
    return period;
  }

  private static LocalDate date(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ExportRefusal.badRequest(name + " must be a date yyyy-MM-dd: " + value);
    }
  }

  Instant start() {
    return from == null ? null : from.atStartOfDay(zone).toInstant();
  }

  /** Exclusive end: the start of the day after {@code to}. */
  Instant end() {
    return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** For file names: {@code 2026-01-01_2026-12-31}, {@code all} when open on both ends. */
  String label() {
    if (from == null && to == null) {
      return "all";
    }
    return (from == null ? "" : from.toString()) + "_" + (to == null ? "" : to.toString());
  }
}
