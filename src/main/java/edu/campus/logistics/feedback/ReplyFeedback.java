package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.CHECK_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.CHECK_DATE;
import static edu.campus.logistics.feedback.FeedbackVariables.MEASURE;
import static edu.campus.logistics.feedback.FeedbackVariables.OUTCOME;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLIED_AT;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLIED_IN_TIME;
import static edu.campus.logistics.feedback.FeedbackVariables.REPLY_DUE_AT;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Values;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_HandleFeedback (书面答复): an accepted feedback needs a measure and a check
 * date after today and at most {@value #MAX_CHECK_DAYS} days ahead (以1个月为限，考察改进效果 — the check
 * task comes at 08:00 that day); records when it was answered and whether in time. The reporter never
 * answers his own feedback (四眼原则, {@link RecordFeedbackResponder}).
 */
@Component("replyFeedback")
public class ReplyFeedback implements TaskListener {

  static final int MAX_CHECK_DAYS = 92;
  static final LocalTime CHECK_TIME = LocalTime.of(8, 0);

  private final ZoneId zone;
  private final FeedbackReporters reporters;

  public ReplyFeedback(@Value("${campus.time-zone}") ZoneId zone, FeedbackReporters reporters) {
    this.zone = zone;
    this.reporters = reporters;
  }

  @Override
  public void notify(DelegateTask task) {
    // an unclaimed task is completed by a candidate without an assignment: the four-eyes rule is checked here too
    RecordFeedbackResponder.refuseTheReporter(reporters, task, Actor.of(task));
    Date now = ClockUtil.getCurrentTime();
    if ("accepted".equals(task.getVariable(OUTCOME))) {
      if (Values.text(task, MEASURE) == null) {
        throw Refusal.of("采纳整改须写明整改措施", "an accepted feedback needs a measure");
      }
      LocalDate check = checkDate(Values.text(task, CHECK_DATE));
      LocalDate today = now.toInstant().atZone(zone).toLocalDate();
      if (!check.isAfter(today) || check.isAfter(today.plusDays(MAX_CHECK_DAYS))) {
        throw Refusal.of("考察日期须在今天之后、" + MAX_CHECK_DAYS + "天之内：" + check,
            "the check date must lie after today and within " + MAX_CHECK_DAYS + " days: " + check);
      }
      task.setVariable(CHECK_AT, Date.from(check.atTime(CHECK_TIME).atZone(zone).toInstant()));
    }
    if (task.getVariable(REPLIED_AT) == null) {
      task.setVariable(REPLIED_AT, now);
      task.setVariable(REPLIED_IN_TIME, !now.after((Date) task.getVariable(REPLY_DUE_AT)));
    }
  }

  private static LocalDate checkDate(String text) {
    if (text == null) {
      throw Refusal.of("采纳整改须填写考察日期", "an accepted feedback needs a check date");
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException bad) {
      throw Refusal.of("考察日期格式不正确（YYYY-MM-DD）：" + text, "the check date is not YYYY-MM-DD: " + text);
    }
  }
}
