package edu.campus.logistics.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A moment as the school reads it on a form or a page: {@code 2031-03-05 16:00}, in the school's zone
 * ({@code campus.time-zone}), whatever zone the server or a test machine runs in.
 */
@Component
public class SchoolTime {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ZoneId zone;

  public SchoolTime(@Value("${campus.time-zone}") ZoneId zone) {
    this.zone = zone;
  }

  /** {@code yyyy-MM-dd HH:mm} in the school's zone; null for null. */
  public String minutes(Date date) {
    return date == null ? null : minutes(date.toInstant());
  }

  public String minutes(Instant instant) {
    return instant == null ? null : MINUTES.format(instant.atZone(zone));
  }

  /** An ISO-8601 instant as text (a JSON variable's) the same way; blank for none, the text itself when it is no instant. */
  public String minutes(String iso) {
    if (iso == null || iso.isBlank()) {
      return "";
    }
    try {
      return minutes(Instant.parse(iso));
    } catch (DateTimeParseException unreadable) {
      return iso;
    }
  }
}
