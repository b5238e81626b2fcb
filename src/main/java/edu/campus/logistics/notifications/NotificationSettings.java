package edu.campus.logistics.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The channels' and the deliverer's settings ({@code campus.notifications.*}, README "Notifications"),
 * read by the channels at every delivery: a test (or an operator through a restart) points them at
 * another server without a new Spring context.
 */
@ConfigurationProperties("campus.notifications")
public class NotificationSettings {

  /** Where people open the application: links in messages are this plus the Tasklist path. */
  private String baseUrl = "http://localhost:8080";
  private final Mail mail = new Mail();
  private final Robot robot = new Robot();
  private final Delivery delivery = new Delivery();
  /** How long delivered (SENT) and logged (LOGGED) messages are kept; FAILED ones are kept until sent again. */
  private Duration retention = Duration.ofDays(90);
  /** How often each node removes what is older than the retention ({@link DeliverySchedule}). */
  private Duration cleanupInterval = Duration.ofHours(6);

  public Duration getCleanupInterval() {
    return cleanupInterval;
  }

  public void setCleanupInterval(Duration cleanupInterval) {
    this.cleanupInterval = cleanupInterval;
  }

  public Duration getRetention() {
    return retention;
  }

  public void setRetention(Duration retention) {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("campus.notifications.retention (CAMPUS_NOTIFICATIONS_RETENTION) must be a"
          + " positive duration such as P90D, not " + retention);
    }
    this.retention = retention;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Mail getMail() {
    return mail;
  }

  public Robot getRobot() {
    return robot;
  }

  public Delivery getDelivery() {
    return delivery;
  }

  /** SMTP; no host: e-mails are logged, not sent. */
  public static class Mail {
    private String host = "";
    private int port = 25;
    private String username = "";
    private String password = "";
    private String from = "campus-logistics@localhost";
    private boolean startTls;
    private Duration timeout = Duration.ofSeconds(10);

    public boolean configured() {
      return host != null && !host.isBlank();
    }

    public String getHost() {
      return host;
    }

    public void setHost(String host) {
      this.host = host;
    }

    public int getPort() {
      return port;
    }

    public void setPort(int port) {
      this.port = port;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public String getFrom() {
      return from;
    }

    public void setFrom(String from) {
      this.from = from;
    }

    public boolean isStartTls() {
      return startTls;
    }

    public void setStartTls(boolean startTls) {
      this.startTls = startTls;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** Chat-robot webhooks (DingTalk, WeCom group robots): the URL is per group or user (preferences). */
  public static class Robot {
    /** Off: robot messages are logged, not sent. */
    private boolean enabled = true;
    /**
     * The JSON body posted to a webhook; {@code {{subject}}}, {@code {{body}}}, {@code {{link}}} and
     * {@code {{text}}} (subject, body and link on separate lines) are replaced by the message's texts,
     * escaped for a JSON string. The default suits DingTalk and WeCom text messages alike.
     */
    private String template = "{\"msgtype\":\"text\",\"text\":{\"content\":\"{{text}}\"}}";
    /** Hosts a webhook URL may name (exact host names); a preference naming another host is refused. */
    private List<String> allowedHosts = new ArrayList<>(List.of("oapi.dingtalk.com", "qyapi.weixin.qq.com"));
    private Duration timeout = Duration.ofSeconds(10);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getTemplate() {
      return template;
    }

    public void setTemplate(String template) {
      this.template = template;
    }

    public List<String> getAllowedHosts() {
      return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
      this.allowedHosts = allowedHosts;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** The outbox deliverer: how often, how many attempts, how long between them. */
  public static class Delivery {
    /** Whether this node runs the deliverer on a schedule (off in tests: they call it). */
    private boolean scheduled = true;
    private Duration interval = Duration.ofSeconds(30);
    private int batchSize = 50;
    private int maxAttempts = 5;
    /** The wait after the first failed attempt; it doubles with every further one, up to {@link #maxBackoff}. */
    private Duration firstBackoff = Duration.ofMinutes(1);
    private Duration maxBackoff = Duration.ofHours(1);
    /** How long a claimed message stays with the node that claimed it before another may take it over. */
    private Duration lease = Duration.ofMinutes(5);

    public boolean isScheduled() {
      return scheduled;
    }

    public void setScheduled(boolean scheduled) {
      this.scheduled = scheduled;
    }

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getFirstBackoff() {
      return firstBackoff;
    }

    public void setFirstBackoff(Duration firstBackoff) {
      this.firstBackoff = firstBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public Duration getLease() {
      return lease;
    }

    public void setLease(Duration lease) {
      this.lease = lease;
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration backoffAfter(int attempts) {
      Duration wait = firstBackoff;
      for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
  }
}
