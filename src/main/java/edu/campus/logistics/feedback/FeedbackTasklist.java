package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.AREA;
import static edu.campus.logistics.feedback.FeedbackVariables.FEEDBACK_TYPE;
import static edu.campus.logistics.feedback.FeedbackVariables.FIRST_RESPONDER;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.ProcessTasklist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Feedback's card variables and the first responder's filter of the open tasks of their feedback cases. */
@Component
@Order(5)
public class FeedbackTasklist implements ProcessTasklist {

  public static final String MY_FEEDBACK_CASES = "我首问的意见反馈";

  @Override
  public Map<String, String> cardVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(FEEDBACK_TYPE, "意见类型");
    variables.put(AREA, "涉及方面");
    variables.put(FIRST_RESPONDER, "首问负责人");
    return variables;
  }

  @Override
  public List<Filter> filters(TaskService taskService) {
    return List.of(new Filter(MY_FEEDBACK_CASES, "我作为首问负责人的意见反馈：答复、考察、督办的全部待办", -4, "#0891b2",
        taskService.createTaskQuery().taskOwnerExpression("${currentUser()}").processDefinitionKey(ProcessKeys.FEEDBACK),
        List.of(CampusGroup.LOGISTICS_STAFF.id())));
  }
}
