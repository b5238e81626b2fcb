package edu.campus.logistics.survey;

import static edu.campus.logistics.survey.SurveyVariables.ANSWER_DEADLINE;
import static edu.campus.logistics.survey.SurveyVariables.TERM_NAME;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.ProcessTasklist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The survey's card variables and every employee's filter of the questionnaires waiting for him. */
@Component
@Order(6)
public class SurveyTasklist implements ProcessTasklist {

  public static final String MY_QUESTIONNAIRES = "待填写的满意度调查";

  @Override
  public Map<String, String> cardVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(TERM_NAME, "调查学期");
    variables.put(ANSWER_DEADLINE, "答卷截止日期");
    return variables;
  }

  @Override
  public List<Filter> filters(TaskService taskService) {
    return List.of(new Filter(MY_QUESTIONNAIRES, "本学期抽到我填写的后勤服务满意度调查问卷（匿名汇总，截止后自动关闭）", -3,
        "#16a34a", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .processDefinitionKey(ProcessKeys.SATISFACTION_SURVEY).taskDefinitionKey("Task_AnswerSurvey"),
        List.of(CampusGroup.STAFF.id())));
  }
}
