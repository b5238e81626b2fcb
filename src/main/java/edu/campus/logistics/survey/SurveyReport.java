package edu.campus.logistics.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A term's results as a manager reads them (/api/metrics/survey, the head's 查看调查结果): per area the
 * number of ratings and their mean, the answer rate, the comments — aggregates only. While the term is
 * open only the counts are shown (a mean that moves with each answer would tell, next to the task
 * history, what one person gave), and an area with fewer than {@value #MIN_ANSWERS} ratings shows no
 * mean (it would be that person's rating).
 */
@Component
public class SurveyReport {

  /** Fewest ratings an area's mean is shown for. */
  public static final int MIN_ANSWERS = 3;

  /** One area: code, Chinese name, ratings counted, mean to one decimal (null while open or too few). */
  public record AreaResult(String area, String areaName, int answers, BigDecimal mean) {
  }

  /** One term; {@code status} is 进行中 (open) or 已结束 (closed, final); the answer rate in percent. */
  public record TermReport(String term, String status, int sampled, int answered, BigDecimal answerRatePercent,
                           Instant openedAt, Instant dueAt, Instant closedAt, List<AreaResult> areas,
                           List<String> comments, String note) {
  }

  private final SurveyResults results;

  public SurveyReport(SurveyResults results) {
    this.results = results;
  }

  public List<TermReport> all() {
    return results.terms().stream().map(this::report).toList();
  }

  public Optional<TermReport> of(String term) {
    return results.term(term).map(this::report);
  }

  private TermReport report(SurveyResults.Term term) {
    boolean closed = term.closedAt() != null;
    List<AreaResult> areas = results.scores(term.term()).stream().map(score -> new AreaResult(score.area().code(),
        score.area().label(), score.answers(), closed && score.answers() >= MIN_ANSWERS
            ? BigDecimal.valueOf(score.sum()).divide(BigDecimal.valueOf(score.answers()), 1, RoundingMode.HALF_UP)
            : null)).toList();
    BigDecimal rate = term.sampled() == 0 ? null : BigDecimal.valueOf(100L * term.answered())
        .divide(BigDecimal.valueOf(term.sampled()), 1, RoundingMode.HALF_UP);
    String note = closed ? "结果已确定；少于" + MIN_ANSWERS + "份评分的方面不显示平均分"
        : "调查进行中：截止后显示平均分和意见";
    return new TermReport(term.term(), closed ? "已结束" : "进行中", term.sampled(), term.answered(), rate,
        term.openedAt(), term.dueAt(), term.closedAt(), areas, closed ? results.comments(term.term()) : List.of(), note);
  }
}
