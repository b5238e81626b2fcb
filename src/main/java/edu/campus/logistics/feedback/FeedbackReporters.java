package edu.campus.logistics.feedback;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who filed a feedback, kept beside the engine (table {@code feedback_reporter}, V16) and not in a
 * process variable: a handler can read every variable of the case, an anonymous reporter's name must
 * reach only the logistics head and the principal ({@link FeedbackController}). Written in the
 * engine's transaction at the start, so a refused start leaves no row.
 */
@Component
public class FeedbackReporters {

  /** The reporter of one case, and whether they asked to stay anonymous to the handlers. */
  public record Reporter(String processInstanceId, String reporterId, boolean anonymous) {
  }

  private final JdbcTemplate jdbc;

  public FeedbackReporters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(String processInstanceId, String reporterId, boolean anonymous, Date filedAt) {
    jdbc.update("INSERT INTO feedback_reporter (process_instance_id, reporter_id, anonymous, filed_at) VALUES (?, ?, ?, ?)",
        processInstanceId, reporterId, anonymous, new Timestamp(filedAt.getTime()));
  }

  /** The feedback cases {@code reporterId} filed (process instance ids), anonymous ones included: his own 我的申请. */
  public List<String> filedBy(String reporterId) {
    return jdbc.queryForList("SELECT process_instance_id FROM feedback_reporter WHERE reporter_id = ?", String.class,
        reporterId);
  }

  public Optional<Reporter> of(String processInstanceId) {
    List<Reporter> rows = jdbc.query("SELECT process_instance_id, reporter_id, anonymous FROM feedback_reporter"
            + " WHERE process_instance_id = ?",
        (rs, row) -> new Reporter(rs.getString(1), rs.getString(2), rs.getBoolean(3)), processInstanceId);
    return rows.stream().findFirst();
  }
}
