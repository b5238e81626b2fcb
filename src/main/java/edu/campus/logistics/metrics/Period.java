package edu.campus.logistics.metrics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A reporting period: whole days {@code from} to {@code to}, both included, in the school's time zone.
 * A case belongs to the period in which it was reported (its process instance started).
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

  /** The longest period a request may ask for. */
  static final int MAX_YEARS = 5;

  /** Parses and checks the query parameters; the default is the last 30 days up to today. */
  static Period parse(String from, String to, ZoneId zone, LocalDate today) {
    LocalDate end = to == null || to.isBlank() ? today : date("to", to);
    LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : date("from", from);
    if (start.isAfter(end)) {
      throw new BadPeriodException("开始日期不能晚于结束日期 / from " + start + " is after to " + end);
    }
    if (start.plusYears(MAX_YEARS).isBefore(end)) {
      throw new BadPeriodException("统计区间最长 " + MAX_YEARS + " 年 / the period may span at most " + MAX_YEARS + " years");
    }
    return new Period(start, end, zone);
  }

  private static LocalDate date(String name, String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeException e) {
      throw new BadPeriodException("日期格式应为 YYYY-MM-DD / " + name + " must be an ISO date (YYYY-MM-DD): " + text);
    }
  }

  /** First instant of the period. */
  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** First instant after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The moment open cases are looked at: the end of the period, or now when the period is not over. */
  Instant observedAt(Instant now) {
    return now.isBefore(end()) ? now : end();
  }
}
