package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.ASSET_TAG;
import static edu.campus.logistics.repair.RepairVariables.DAMAGE_REPORTED;
import static edu.campus.logistics.repair.RepairVariables.ESCALATIONS;
import static edu.campus.logistics.repair.RepairVariables.ESCALATION_LEVEL;
import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;
import static edu.campus.logistics.repair.RepairVariables.REOPEN_COUNT;
import static edu.campus.logistics.repair.RepairVariables.REPORTED_AT;
import static edu.campus.logistics.repair.RepairVariables.REPORTED_BY;
import static edu.campus.logistics.repair.RepairVariables.REPORTER_ID;
import static edu.campus.logistics.repair.RepairVariables.SUPERVISION_GROUP;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.ledger.AssetRegister;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Start listener of the repair report: checks everything a report carries before the case exists
 * (a refusal rolls the start back: no instance, a 400 with the reason) and sets up the case's
 * bookkeeping variables.
 */
@Component("validateRepairReport")
public class ValidateRepairReport implements ExecutionListener {


  private final AssetRegister assets;
  private final People people;

  public ValidateRepairReport(AssetRegister assets, People people) {
    this.assets = assets;
    this.people = people;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String tag = Values.text(execution, ASSET_TAG);
    if (tag != null && !assets.exists(tag)) {
      throw Refusal.of("资产编号 " + tag + " 在资产台账中不存在，请核对资产标签（不清楚可不填）", "unknown asset tag: " + tag);
    }
    execution.setVariable(ASSET_TAG, tag);
    String reporter = Values.text(execution, REPORTER_ID);
    if (reporter == null) {
      throw Refusal.required("报修人", REPORTER_ID);
    }
    if (!people.exists(reporter)) {
      throw Refusal.of("报修人 " + reporter + " 不是本系统用户", "unknown reporter: " + reporter);
    }
    String typist = Actor.current();
    if (typist != null && !typist.equals(reporter) && !people.isMember(typist, CampusGroup.LOGISTICS_STAFF.id())) {
      throw Refusal.of("只有后勤人员可以代他人报修", "only logistics staff may report on behalf of " + reporter);
    }
    execution.setVariable(REPORTED_BY, typist != null ? typist : reporter);
    execution.setVariable(REPORTED_AT, ClockUtil.getCurrentTime());
    execution.setVariable(FIRST_RESPONDER, null);
    execution.setVariable(REOPEN_COUNT, 0);
    execution.setVariable(ESCALATION_LEVEL, 0);
    execution.setVariable(ESCALATIONS, JsonVariable.write(List.of()));
    execution.setVariable(SUPERVISION_GROUP, null);
    execution.setVariable(DAMAGE_REPORTED, false);
  }
}
