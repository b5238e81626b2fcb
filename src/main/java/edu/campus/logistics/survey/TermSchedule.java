package edu.campus.logistics.survey;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/** When a term's questionnaires close, and what a term is called. */
final class TermSchedule {

  private TermSchedule() {
  }

  /** Answers are taken through the whole deadline day: they close at midnight after it, at school. */
  static Date dueAt(LocalDate deadline, ZoneId zone) {
    return Date.from(deadline.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /**
   * The term's name as the school writes it, "2026-2027学年第一学期": a school year starts in August or
   * September, so a term starting from August on belongs to the year that begins then, one before
   * August to the year that began the summer before.
   */
  static String termName(LocalDate day, String termHalf) {
    int firstYear = day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
    return firstYear + "-" + (firstYear + 1) + "学年" + termHalf;
  }
}
