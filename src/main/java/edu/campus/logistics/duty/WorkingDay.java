package edu.campus.logistics.duty;

import java.time.LocalTime;

/** One calendar day as decision {@code working-day} (duty-roster.dmn) says: working or not, and its working hours. */
public record WorkingDay(boolean working, LocalTime start, LocalTime end) {

  public WorkingDay {
    if (working && (start == null || end == null || !start.isBefore(end))) {
      throw new IllegalArgumentException("a working day needs a start before its end: " + start + "–" + end);
    }
  }

  /** Whether a time of this day lies within its working hours (start inclusive, end exclusive). */
  boolean covers(LocalTime time) {
    return working && !time.isBefore(start) && time.isBefore(end);
  }
}
