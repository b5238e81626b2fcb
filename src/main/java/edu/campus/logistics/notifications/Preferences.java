package edu.campus.logistics.notifications;

import edu.campus.logistics.cases.Refusal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Who wants which channel ({@code notification_preference}): per user (their own choice, e-mail on
 * by default, optionally a personal robot) and per group (an administrator's: a group robot's
 * webhook, and whether the members are mailed about the group's tasks; on by default).
 */
@Service
public class Preferences {

  public enum Kind { USER, GROUP }

  /** A user's or a group's choice; {@code webhookUrl} null: no robot. */
  public record Preference(boolean emailEnabled, String webhookUrl) {
    static final Preference DEFAULT = new Preference(true, null);
  }

  private final JdbcTemplate jdbc;
  private final NotificationSettings settings;

  public Preferences(JdbcTemplate jdbc, NotificationSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  public Preference of(Kind kind, String ownerId) {
    return of(kind, List.of(ownerId)).getOrDefault(ownerId, Preference.DEFAULT);
  }

  /** The stored choices of these owners, by owner; an owner without one is missing (the defaults apply). */
  public Map<String, Preference> of(Kind kind, Collection<String> ownerIds) {
    if (ownerIds.isEmpty()) {
      return Map.of();
    }
    List<Object> arguments = new ArrayList<>();
    arguments.add(kind.name().toLowerCase(Locale.ROOT));
    arguments.addAll(ownerIds);
    Map<String, Preference> found = new HashMap<>();
    jdbc.query("select owner_id, email_enabled, webhook_url from notification_preference where owner_kind = ?"
            + " and owner_id in (" + String.join(", ", Collections.nCopies(ownerIds.size(), "?")) + ")",
        rs -> {
          found.put(rs.getString("owner_id"), new Preference(rs.getBoolean("email_enabled"), rs.getString("webhook_url")));
        }, arguments.toArray());
    return found;
  }

  /** Stores a choice after checking the webhook; refused (nothing stored) when it is no allowed robot URL. */
  public void set(Kind kind, String ownerId, Preference preference, String by) {
    String webhook = preference.webhookUrl() == null || preference.webhookUrl().isBlank()
        ? null : preference.webhookUrl().strip();
    if (webhook != null) {
      checkWebhook(webhook);
    }
    String owner = kind.name().toLowerCase(Locale.ROOT);
    Timestamp now = Timestamp.from(Instant.now());
    int updated = jdbc.update("update notification_preference set email_enabled = ?, webhook_url = ?, updated_by = ?,"
        + " updated_at = ? where owner_kind = ? and owner_id = ?", preference.emailEnabled(), webhook, by, now, owner, ownerId);
    if (updated == 0) {
      jdbc.update("insert into notification_preference (owner_kind, owner_id, email_enabled, webhook_url, updated_by,"
          + " updated_at) values (?, ?, ?, ?, ?, ?)", owner, ownerId, preference.emailEnabled(), webhook, by, now);
    }
  }

  /** Removes a stored choice: the defaults apply again. */
  public void reset(Kind kind, String ownerId) {
    jdbc.update("delete from notification_preference where owner_kind = ? and owner_id = ?",
        kind.name().toLowerCase(Locale.ROOT), ownerId);
  }

  /**
   * A robot webhook: an https URL (http only for a loopback host) on one of the allowed robot hosts
   * ({@code campus.notifications.robot.allowed-hosts}), so that nobody makes the server post to an
   * address of their choosing.
   */
  void checkWebhook(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException notAUrl) {
      throw Refusal.of("机器人地址不是有效的网址", "the webhook is not a valid URL");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
    if (url.length() > 1000 || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))
        || uri.getUserInfo() != null) {
      throw Refusal.of("机器人地址须为 https 网址（最多1000个字符）", "the webhook must be an https URL of at most 1000 characters");
    }
    if (settings.getRobot().getAllowedHosts().stream().noneMatch(allowed -> allowed.equalsIgnoreCase(host))) {
      throw Refusal.of("机器人地址的主机 " + host + " 不在允许的列表中（" + String.join("、", settings.getRobot().getAllowedHosts()) + "）",
          "the webhook host " + host + " is not one of the allowed robot hosts");
    }
  }
}
