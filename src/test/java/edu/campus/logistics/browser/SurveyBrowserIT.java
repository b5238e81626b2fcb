package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.ProcessKeys;
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
 */
@BrowserTest
class SurveyBrowserIT {

  private static final String QUESTIONNAIRE = "填写满意度调查";
  private static final String TERM = "2070-2071学年第一学期";

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

  /** The head starts a survey of the whole staff group (the sample size exceeds it). */
  private ProcessInstance everybodySurveyed() {
    identityService.setAuthentication("gaoming", List.of("staff", "logistics-head"));
    try {
      return runtimeService.startProcessInstanceByKey(ProcessKeys.SATISFACTION_SURVEY, Map.of("termName", TERM,
          "sampleSize", 2000L, "answerDeadline", LocalDate.now().plusDays(10).toString()));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
