package edu.campus.logistics;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.TimeZone;

/**
 * The JVM's default time zone, in which the engine stores and Tasklist and Cockpit show every time
 * (created, due, follow-up, history). A school in China works in {@code Asia/Shanghai}; that is the
 * default when the application is started through {@link CampusLogisticsApplication#main} ({@code mvn
 * spring-boot:run}, {@code java -jar}). Precedence: {@code -Duser.timezone=…} given to the JVM, then
 * the environment variable {@code CAMPUS_TIMEZONE} (e.g. {@code UTC}), then {@code TZ}, then
 * {@code Asia/Shanghai}. Tests start the application without {@code main} and keep the machine's zone.
 */
public final class ServerTimeZone {

  public static final String DEFAULT = "Asia/Shanghai";
  public static final String VARIABLE = "CAMPUS_TIMEZONE";

  private ServerTimeZone() {
  }

  /** The zone to use: null when the JVM was told one explicitly (-Duser.timezone) and is left alone. */
  static ZoneId choose(String userTimezoneProperty, Map<String, String> environment) {
    if (userTimezoneProperty != null && !userTimezoneProperty.isBlank()) {
      return null;
    }
    String configured = environment.get(VARIABLE);
    if (configured == null || configured.isBlank()) {
      String tz = environment.get("TZ");
      configured = tz == null || tz.isBlank() ? DEFAULT : tz;
    }
    try {
      return ZoneId.of(configured.trim());
    } catch (DateTimeException e) {
      throw new IllegalStateException(VARIABLE + "/TZ \"" + configured + "\" is not a time zone id such as "
          + DEFAULT + " or UTC", e);
    }
  }

  /** Sets the JVM default zone as {@link #choose} decides; call first thing in main. */
  static void apply() {
    ZoneId zone = choose(System.getProperty("user.timezone"), System.getenv());
    if (zone != null) {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      System.setProperty("user.timezone", zone.getId());
    }
  }
}
