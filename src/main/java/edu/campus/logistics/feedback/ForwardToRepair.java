package edu.campus.logistics.feedback;

import static edu.campus.logistics.feedback.FeedbackVariables.FIRST_RESPONDER;
import static edu.campus.logistics.feedback.FeedbackVariables.REPAIR_ASSET_TAG;
import static edu.campus.logistics.feedback.FeedbackVariables.REPAIR_CASE;
import static edu.campus.logistics.feedback.FeedbackVariables.REPAIR_CATEGORY;
import static edu.campus.logistics.feedback.FeedbackVariables.REPAIR_DESCRIPTION;
import static edu.campus.logistics.feedback.FeedbackVariables.REPAIR_INSTANCE_ID;
import static edu.campus.logistics.feedback.FeedbackVariables.REPAIR_LOCATION;
import static edu.campus.logistics.feedback.FeedbackVariables.REPAIR_URGENCY;
import static edu.campus.logistics.feedback.FeedbackVariables.REPORTER_ID;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.identity.ProcessKeys;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Task_ForwardToRepair (转报修): the first responder's answer is a repair. The {@code repair} process is
 * started through the engine, as the first responder, with the repair start form's fields only
 * (location, category, description, urgency, asset tag — the handle form asks for them in the repair
 * form's words), so the repair's own start checks run (asset tag in the register, reporter a user,
 * only logistics staff report for someone else). Its reporter, who confirms the fix in 回访, is the
 * feedback's reporter — or the first responder when the feedback is anonymous, so the repair never
 * names him. Linked both ways: the repair gets {@code sourceCase} (YJ-…) and {@code sourceInstanceId},
 * and tells this feedback when it ends (message {@code RepairClosed}, Event_RepairClosed); the
 * feedback keeps {@code repairCase} (BX-…) and {@code repairInstanceId}.
 */
@Component("forwardToRepair")
public class ForwardToRepair implements JavaDelegate {

  /** The repair's vocabulary: its start form's fields, its reporter, and the link back it carries. */
  static final String LOCATION = "location";
  static final String CATEGORY = "category";
  static final String DESCRIPTION = "description";
  static final String URGENCY = "urgency";
  static final String ASSET_TAG = "assetTag";
  static final String REPORTER = "reporterId";
  static final String SOURCE_CASE = "sourceCase";
  static final String SOURCE_INSTANCE_ID = "sourceInstanceId";

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> report = new HashMap<>();
    report.put(LOCATION, Values.text(execution, REPAIR_LOCATION));
    report.put(CATEGORY, Values.text(execution, REPAIR_CATEGORY));
    report.put(DESCRIPTION, "意见反馈 %s 转报修：%s".formatted(execution.getProcessBusinessKey(),
        Values.text(execution, REPAIR_DESCRIPTION)));
    report.put(URGENCY, Values.text(execution, REPAIR_URGENCY));
    String tag = Values.text(execution, REPAIR_ASSET_TAG);
    if (tag != null) {
      report.put(ASSET_TAG, tag);
    }
    String reporter = Values.text(execution, REPORTER_ID);
    report.put(REPORTER, reporter != null ? reporter : execution.getVariable(FIRST_RESPONDER));
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance repair = runtime.createProcessInstanceByKey(ProcessKeys.REPAIR).setVariables(report).execute();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      runtime.setVariable(repair.getId(), SOURCE_CASE, execution.getProcessBusinessKey());
      runtime.setVariable(repair.getId(), SOURCE_INSTANCE_ID, execution.getProcessInstanceId());
      return null;
    });
    execution.setVariable(REPAIR_CASE, repair.getBusinessKey());
    execution.setVariable(REPAIR_INSTANCE_ID, repair.getId());
  }
}
