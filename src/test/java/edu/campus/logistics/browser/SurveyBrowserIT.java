package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.TasklistFilters;
import edu.campus.logistics.survey.SurveyResults;
import edu.campus.logistics.survey.SurveyTasklist;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A teacher drawn for the term's satisfaction survey finds his questionnaire under 待填写的满意度调查, rates the six
 * service areas with the radio buttons and sends it: the term counts one answer, and nothing of it stays in the case.
 * The head reads a closed term's 查看调查结果: counts, answer rate and per-area means in Chinese.
 */
@BrowserTest
class SurveyBrowserIT {

  private static final String QUESTIONNAIRE = "填写满意度调查";
  private static final String TERM = "2070-2071学年第一学期";
  private static final String RESULTS_TERM = "2071-2072学年第一学期";
  private static final String RESULTS = "查看调查结果";

  @Autowired
  private IdentityService identityService;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private TaskService taskService;
  @Autowired
  private SurveyResults results;

  @Test
  void aTeacherDrawnForTheSurveyAnswersHisQuestionnaireInTasklist(Browser browser) {
    ProcessInstance survey = everybodySurveyed();
    Task mine = taskService.createTaskQuery().processInstanceId(survey.getId()).taskAssignee("zhangwei").singleResult();
    assertThat(mine).as("everybody in staff is drawn").isNotNull();

    TasklistPage teacher = TasklistPage.login(browser, "zhangwei")
        .awaitTaskWithId(SurveyTasklist.MY_QUESTIONNAIRES, QUESTIONNAIRE, mine.getId());
    browser.step("survey-questionnaire-in-my-filter");
    TaskPane pane = teacher.openTaskWithId(QUESTIONNAIRE, mine.getId());
    CamundaForm form = pane.form();
    assertThat(form.text()).contains(TERM, "不保存个人答卷");
    for (String area : List.of("食堂", "宿舍", "维修", "门卫", "绿化", "保洁")) {
      form.choose(area + "（1-5 分）", area.equals("保洁") ? "3 一般" : "4 满意");
    }
    form.fill("意见和建议（选填，不署名）", "希望食堂延长晚餐供应时间");
    form.awaitValid();
    browser.step("survey-questionnaire-filled");
    pane.complete();
    browser.step("survey-questionnaire-sent");

    assertThat(results.term(TERM)).get().satisfies(term -> assertThat(term.answered()).isEqualTo(1));
    assertThat(taskService.createTaskQuery().taskId(mine.getId()).count()).isZero();
    assertThat(runtimeService.getVariables(survey.getId())).doesNotContainKeys("ratingCanteen", "surveyComment");
  }

  @Test
  void theHeadReadsTheTermsResultsInChineseOnceEverybodyAnswered(Browser browser) {
    ProcessInstance survey = started(RESULTS_TERM, 3);
    int[] canteen = {5, 4, 4};
    List<Task> questionnaires = taskService.createTaskQuery().processInstanceId(survey.getId())
        .taskDefinitionKey("Task_AnswerSurvey").list();
    for (int i = 0; i < questionnaires.size(); i++) {
      // as the respondent (no login: the application's code acts for the task's assignee)
      taskService.complete(questionnaires.get(i).getId(), Map.of("ratingCanteen", String.valueOf(canteen[i]),
          "ratingDormitory", "4", "ratingRepair", "5", "ratingGate", "3", "ratingGrounds", "4", "ratingCleaning", "2"));
    }
    Task review = taskService.createTaskQuery().processInstanceId(survey.getId()).taskDefinitionKey("Task_ReviewResults")
        .singleResult();
    assertThat(review).as("everybody answered: the results are final").isNotNull();

    TasklistPage head = TasklistPage.login(browser, "gaoming")
        .awaitTaskWithId(TasklistFilters.queueName(CampusGroup.LOGISTICS_HEAD), RESULTS, review.getId());
    TaskPane pane = head.openTaskWithId(RESULTS, review.getId());
    CamundaForm form = pane.form();
    assertThat(form.text()).contains(RESULTS_TERM, "抽样： 3 人", "已答： 3 人", "100.0%");
    assertThat(form.tableRows("各方面满意度（1-5 分）")).contains(List.of("食堂", "3", "4.3"), List.of("保洁", "3", "2.0"));
    browser.step("survey-results-for-the-head");
  }

  private ProcessInstance everybodySurveyed() {
    return started(TERM, 2000);
  }

  /** The head starts a survey of that many (the whole staff group when it exceeds it). */
  private ProcessInstance started(String term, long sampleSize) {
    identityService.setAuthentication("gaoming", List.of("staff", "logistics-head"));
    try {
      return runtimeService.startProcessInstanceByKey(ProcessKeys.SATISFACTION_SURVEY, Map.of("termName", term,
          "sampleSize", sampleSize, "answerDeadline", LocalDate.now().plusDays(10).toString()));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
