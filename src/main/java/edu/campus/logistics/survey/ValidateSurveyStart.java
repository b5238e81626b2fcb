package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.ANSWER_DEADLINE;
import static edu.campus.logistics.survey.SurveyVariables.ANSWER_DUE_AT;
import static edu.campus.logistics.survey.SurveyVariables.SAMPLE_SIZE;
import static edu.campus.logistics.survey.SurveyVariables.TERM_NAME;

import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Values;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start listener of StartEvent_SurveyStarted (the form contract has checked the term's name, the sample
 * size and the deadline's format): a person starting it is the logistics head (or an administrator); the
 * engine starts it on its own at a term's start (survey-schedule, no user). For a term that has no survey
 * yet, with a deadline after today and at most {@value #MAX_ANSWER_DAYS} days ahead. Questionnaires close
 * when the deadline day ends.
 */
@Component("validateSurveyStart")
class ValidateSurveyStart implements ExecutionListener {

  static final int MAX_ANSWER_DAYS = 60;
  private static final List<String> STARTERS = List.of("logistics-head", "camunda-admin");

  private final SurveyResults results;
  private final ZoneId zone;

  ValidateSurveyStart(SurveyResults results, @Value("${campus.time-zone}") ZoneId zone) {
    this.results = results;
    this.zone = zone;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication caller = Context.getCommandContext().getAuthentication();
    boolean byEngine = caller == null || caller.getUserId() == null;
    if (!byEngine && (caller.getGroupIds() == null || caller.getGroupIds().stream().noneMatch(STARTERS::contains))) {
      throw Refusal.of("满意度调查只能由后勤负责人发起", "only the logistics head starts the satisfaction survey");
    }
    String term = Values.text(execution, TERM_NAME);
    if (results.taken(term)) {
      throw Refusal.of("该学期已有满意度调查：" + term, "the term " + term + " has a survey already");
    }
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    LocalDate deadline;
    try {
      deadline = LocalDate.parse(Values.text(execution, ANSWER_DEADLINE));
    } catch (DateTimeParseException | NullPointerException e) {
      throw Refusal.of("答卷截止日期应为 YYYY-MM-DD", "the answer deadline is YYYY-MM-DD");
    }
    if (!deadline.isAfter(today) || deadline.isAfter(today.plusDays(MAX_ANSWER_DAYS))) {
      throw Refusal.of("答卷截止日期须在今天之后、" + MAX_ANSWER_DAYS + "天之内：" + deadline,
          "the answer deadline lies after today and within " + MAX_ANSWER_DAYS + " days: " + deadline);
    }
    execution.setVariable(SAMPLE_SIZE, ((Number) execution.getVariable(SAMPLE_SIZE)).intValue());
    execution.setVariable(ANSWER_DUE_AT, TermSchedule.dueAt(deadline, zone));
  }
}
