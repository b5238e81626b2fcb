package edu.campus.logistics.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A term's survey results as aggregates (tables {@code survey_term}, {@code survey_score},
 * {@code survey_comment}, V27): per service area how many rated it and the sum of their ratings, how
 * many were sampled and answered, and the comments — no row names a respondent. Written in the
 * engine's transaction: a refused answer leaves nothing, an answer is counted exactly once with its task.
 */
@Component
public class SurveyResults {

  /** One term: sampled, answered, when it opened, when answers were due, when it closed (null while open). */
  public record Term(String term, String processInstanceId, int sampled, int answered, Instant openedAt, Instant dueAt,
                     Instant closedAt) {
  }

  /** One area of one term: the number of ratings and their sum. */
  public record Score(SurveyArea area, int answers, int sum) {
  }

  private final JdbcTemplate jdbc;

  public SurveyResults(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean taken(String term) {
    Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM survey_term WHERE term = ?", Integer.class, term);
    return found != null && found > 0;
  }

  void open(String term, String processInstanceId, int sampled, Date openedAt, Date dueAt) {
    jdbc.update("INSERT INTO survey_term (term, process_instance_id, sampled, answered, opened_at, due_at)"
        + " VALUES (?, ?, ?, 0, ?, ?)", term, processInstanceId, sampled, new Timestamp(openedAt.getTime()),
        new Timestamp(dueAt.getTime()));
    for (SurveyArea area : SurveyArea.values()) {
      jdbc.update("INSERT INTO survey_score (term, area, answers, score_sum) VALUES (?, ?, 0, 0)", term, area.code());
    }
  }

  void answer(String term, Map<SurveyArea, Integer> ratings, String comment) {
    int counted = jdbc.update("UPDATE survey_term SET answered = answered + 1 WHERE term = ? AND closed_at IS NULL", term);
    if (counted != 1) {
      throw new IllegalStateException("survey of term " + term + " is not open");
    }
    ratings.forEach((area, rating) -> jdbc.update(
        "UPDATE survey_score SET answers = answers + 1, score_sum = score_sum + ? WHERE term = ? AND area = ?",
        rating, term, area.code()));
    if (comment != null) {
      jdbc.update("INSERT INTO survey_comment (term, comment) VALUES (?, ?)", term, comment);
    }
  }

  void close(String term, Date closedAt) {
    jdbc.update("UPDATE survey_term SET closed_at = ? WHERE term = ?", new Timestamp(closedAt.getTime()), term);
  }

  /** Every term surveyed, newest first. */
  public List<Term> terms() {
    return jdbc.query("SELECT term, process_instance_id, sampled, answered, opened_at, due_at, closed_at FROM survey_term"
        + " ORDER BY opened_at DESC", (rs, row) -> new Term(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()));
  }

  public Optional<Term> term(String term) {
    return terms().stream().filter(t -> t.term().equals(term)).findFirst();
  }

  /** The term's scores in the order of {@link SurveyArea}. */
  public List<Score> scores(String term) {
    List<Score> scores = new ArrayList<>();
    jdbc.query("SELECT area, answers, score_sum FROM survey_score WHERE term = ?", rs -> {
      SurveyArea area = SurveyArea.byCode(rs.getString(1)).orElse(null);
      if (area != null) {
        scores.add(new Score(area, rs.getInt(2), rs.getInt(3)));
      }
    }, term);
    scores.sort((a, b) -> a.area().compareTo(b.area()));
    return scores;
  }

  /** The term's comments in the order of their text: nothing tells who wrote one or when. */
  public List<String> comments(String term) {
    return jdbc.queryForList("SELECT comment FROM survey_comment WHERE term = ? ORDER BY comment", String.class, term);
  }
}
