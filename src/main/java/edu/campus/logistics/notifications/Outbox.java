package edu.campus.logistics.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The notification outbox ({@code notification_outbox}): the only code that reads or writes it.
 * {@link #add} runs in the caller's transaction — the engine's, when a step causes a message — so a
 * step that is rolled back leaves nothing behind. The deliverer's statements ({@link #claim},
 * {@link #sent}, {@link #retry}, {@link #failed}) run on their own, outside any engine command.
 */
@Repository
public class Outbox {

  public enum Status { PENDING, SENDING, SENT, LOGGED, FAILED }

  /** A message as the deliverer and the failure report see it. */
  public record Message(long id, String key, NotificationEvent event, String recipient, String channel,
                        String address, String subject, String body, String link, String processInstanceId,
                        String taskId, Status status, int attempts, Instant nextAttemptAt, String lastError,
                        Instant createdAt, Instant finishedAt, String incidentId) {
  }

  private static final String COLUMNS = "id, idempotency_key, event, recipient, channel, address, subject, body, link,"
      + " process_instance_id, task_id, status, attempts, next_attempt_at, last_error, created_at, finished_at,"
      + " incident_id";

  private static final RowMapper<Message> ROW = (rs, n) -> new Message(rs.getLong("id"), rs.getString("idempotency_key"),
      NotificationEvent.valueOf(rs.getString("event")), rs.getString("recipient"), rs.getString("channel"),
      rs.getString("address"), rs.getString("subject"), rs.getString("body"), rs.getString("link"),
      rs.getString("process_instance_id"), rs.getString("task_id"), Status.valueOf(rs.getString("status")),
      rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
      instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("finished_at")), rs.getString("incident_id"));

  /** Claimable: due and waiting, or claimed by a node whose lease has run out (it stopped mid-delivery). */
  private static final String CLAIMABLE = "((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and lease_until < ?))";

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes a message unless one with the same key is there already (the same event for the same
   * recipient and channel: a task's create and assignment events, a retried step). True when written.
   */
  boolean add(Notice notice, Recipient recipient, String channel, String address, Instant now) {
    String key = String.join(":", notice.event().name(), notice.subjectId(), recipient.id(), channel);
    // one statement: written only when no message has the key (the unique key settles a race between nodes)
    return jdbc.update("insert into notification_outbox (idempotency_key, event, recipient, channel, address, subject,"
            + " body, link, process_instance_id, task_id, status, attempts, next_attempt_at, created_at)"
            + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? from (values (1)) as one(x)"
            + " where not exists (select 1 from notification_outbox where idempotency_key = ?)",
        key, notice.event().name(), recipient.id(), channel, address, clip(notice.subject(), 300),
        clip(notice.body(), 4000), notice.link(), notice.processInstanceId(), notice.taskId(), Timestamp.from(now),
        Timestamp.from(now), key) == 1;
  }

  /** The ids of up to {@code limit} messages that may be claimed now, oldest due first. */
  List<Long> claimable(Instant now, int limit) {
    return jdbc.queryForList("select id from notification_outbox where " + CLAIMABLE + " order by next_attempt_at, id"
        + " fetch first " + limit + " rows only", Long.class, Timestamp.from(now), Timestamp.from(now));
  }

  /**
   * Takes one message for this deliverer until {@code leaseUntil}, counting the attempt: one
   * conditional update, so of two nodes (or threads) racing for it exactly one gets it.
   */
  boolean claim(long id, String owner, Instant now, Instant leaseUntil) {
    return jdbc.update("update notification_outbox set status = 'SENDING', lease_owner = ?, lease_until = ?,"
            + " attempts = attempts + 1 where id = ? and " + CLAIMABLE,
        owner, Timestamp.from(leaseUntil), id, Timestamp.from(now), Timestamp.from(now)) == 1;
  }

  Message get(long id) {
    return jdbc.queryForObject("select " + COLUMNS + " from notification_outbox where id = ?", ROW, id);
  }

  /** Delivered (SENT) or written to the log instead (LOGGED), by the node that holds the claim. */
  void done(long id, String owner, Status status, Instant now) {
    jdbc.update("update notification_outbox set status = ?, finished_at = ?, lease_owner = null, lease_until = null,"
        + " last_error = null where id = ? and lease_owner = ?", status.name(), Timestamp.from(now), id, owner);
  }

  /** Failed this time; tried again from {@code nextAttempt}. */
  void retry(long id, String owner, String error, Instant nextAttempt) {
    jdbc.update("update notification_outbox set status = 'PENDING', next_attempt_at = ?, lease_owner = null,"
        + " lease_until = null, last_error = ? where id = ? and lease_owner = ?",
        Timestamp.from(nextAttempt), clip(error, 1000), id, owner);
  }

  /** Failed for the last time: shown by the failure report, never tried again. */
  void failed(long id, String owner, String error, Instant now) {
    jdbc.update("update notification_outbox set status = 'FAILED', finished_at = ?, lease_owner = null,"
        + " lease_until = null, last_error = ? where id = ? and lease_owner = ?",
        Timestamp.from(now), clip(error, 1000), id, owner);
  }

  /** The Cockpit incident that shows a failed message ({@link NotificationIncidents}). */
  void incident(long id, String incidentId) {
    jdbc.update("update notification_outbox set incident_id = ? where id = ?", incidentId, id);
  }

  /**
   * A failed message is sent again: back to PENDING, due now, with its attempts from zero and its
   * incident forgotten (the caller resolves it). False when the message is not FAILED (any more):
   * one conditional update, so of two administrators retrying at once one does it.
   */
  boolean resend(long id, Instant now) {
    return jdbc.update("update notification_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?,"
        + " finished_at = null, incident_id = null where id = ? and status = 'FAILED'", Timestamp.from(now), id) == 1;
  }

  /** One message, or null. */
  Message find(long id) {
    return jdbc.query("select " + COLUMNS + " from notification_outbox where id = ?", ROW, id).stream().findFirst().orElse(null);
  }

  /**
   * Removes the messages delivered (SENT) or logged (LOGGED) before {@code before}; FAILED and
   * waiting ones stay. One statement, so nodes running it at once delete each row once. Answers how many.
   */
  int deleteDeliveredBefore(Instant before) {
    return jdbc.update("delete from notification_outbox where status in ('SENT', 'LOGGED') and finished_at < ?",
        Timestamp.from(before));
  }

  /** The messages that failed for good, newest first (the report /api/notifications/failed). */
  public List<Message> failedMessages(int limit) {
    return jdbc.query("select " + COLUMNS + " from notification_outbox where status = 'FAILED'"
        + " order by finished_at desc, id desc fetch first " + limit + " rows only", ROW);
  }

  /** The messages of one case, oldest first. */
  public List<Message> ofCase(String processInstanceId) {
    return jdbc.query("select " + COLUMNS + " from notification_outbox where process_instance_id = ? order by id",
        ROW, processInstanceId);
  }

  private static String clip(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
