package edu.campus.logistics.patrol;

import edu.campus.logistics.cases.SchoolTime;
import static edu.campus.logistics.patrol.PatrolVariables.REPAIR_ASSET_TAG;
import static edu.campus.logistics.patrol.PatrolVariables.REPAIR_CATEGORY_FIELD;
import static edu.campus.logistics.patrol.PatrolVariables.REPAIR_DESCRIPTION;
import static edu.campus.logistics.patrol.PatrolVariables.REPAIR_LOCATION;
import static edu.campus.logistics.patrol.PatrolVariables.REPAIR_URGENCY;
import static edu.campus.logistics.patrol.PatrolVariables.REPEAT_SIGHTINGS;
import static edu.campus.logistics.patrol.PatrolVariables.SOURCE_CASE;
import static edu.campus.logistics.patrol.PatrolVariables.SOURCE_ROUND;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.ApplicationReads;
import edu.campus.logistics.identity.ProcessKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.stereotype.Component;

/**
 * A defect found on a round becomes a repair report: the {@code repair} process started through the
 * engine as the patroller, with the repair start form's fields only (location = the area, category
 * from the checklist item, description, urgency, the inspection's asset tag), so the repair's own
 * start checks run (asset tag in the register, the reporter a user) and the patroller is its reporter.
 * The new repair then carries the link back ({@code sourceCase}, {@code sourceRound}). A repair
 * still open for the same location and category is linked instead: reported once, and the repair
 * gets the new sighting ({@code repeatSightings}: which round, what was seen, by whom, when).
 */
@Component
class DefectRepairs {

  private final SchoolTime time;

  DefectRepairs(SchoolTime time) {
    this.time = time;
  }

  /** The repair a defect went to. */
  record Reported(String instanceId, String caseNumber, boolean linked) {
  }

  /** Reports the defect, or links it to the open repair of the same location and category (also one reported in this same checklist). */
  Reported report(DelegateExecution execution, ChecklistKind kind, ChecklistRound round, ChecklistItems.Item item,
                  ChecklistRow row, String patroller, Map<String, Reported> reportedHere) {
    ProcessEngineServices engine = execution.getProcessEngineServices();
    RuntimeService runtime = engine.getRuntimeService();
    // the same fault: the same place and category, and on the same asset when the round checks one
    String sameFault = round.areaName() + "\n" + item.repairCategory() + "\n" + round.assetTag();
    Reported earlier = reportedHere.get(sameFault);
    if (earlier != null) {
      return new Reported(earlier.instanceId(), earlier.caseNumber(), true);
    }
    List<ProcessInstance> open = Context.getCommandContext().runWithoutAuthorization(() -> {
      ProcessInstanceQuery query = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR)
          .variableValueEquals(REPAIR_LOCATION, round.areaName())
          .variableValueEquals(REPAIR_CATEGORY_FIELD, item.repairCategory());
      if (round.assetTag() != null) {
        query.variableValueEquals(REPAIR_ASSET_TAG, round.assetTag());
      }
      return query.orderByProcessInstanceId().asc().listPage(0, 1);
    });
    if (!open.isEmpty()) {
      ProcessInstance repair = open.get(0);
      recordSighting(engine, repair.getId(), execution, kind, round, item, row, patroller);
      return new Reported(repair.getId(), repair.getBusinessKey(), true);
    }
    Map<String, Object> report = new HashMap<>();
    report.put(REPAIR_LOCATION, round.areaName());
    report.put(REPAIR_CATEGORY_FIELD, item.repairCategory());
    report.put(REPAIR_DESCRIPTION, "%s %s（%s · %s）发现：%s — %s".formatted(kind.sourceName,
        execution.getProcessBusinessKey(), round.areaName(), round.roundName(), item.name(), row.note().trim()));
    report.put(REPAIR_URGENCY, RecordChecklist.urgency(row));
    if (round.assetTag() != null) {
      report.put(REPAIR_ASSET_TAG, round.assetTag());
    }
    ProcessInstance repair = asPatroller(engine.getIdentityService(), patroller,
        () -> runtime.createProcessInstanceByKey(ProcessKeys.REPAIR).setVariables(report).execute());
    Context.getCommandContext().runWithoutAuthorization(() -> {
      runtime.setVariable(repair.getId(), SOURCE_CASE, execution.getProcessBusinessKey());
      runtime.setVariable(repair.getId(), SOURCE_ROUND, round.key());
      return null;
    });
    Reported reported = new Reported(repair.getId(), repair.getBusinessKey(), false);
    reportedHere.put(sameFault, reported);
    return reported;
  }

  /** Writes onto the open repair that this round found its fault again, with the patroller's note. */
  private void recordSighting(ProcessEngineServices engine, String repairId, DelegateExecution execution,
                              ChecklistKind kind, ChecklistRound round, ChecklistItems.Item item, ChecklistRow row,
                              String patroller) {
    RuntimeService runtime = engine.getRuntimeService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      User user = engine.getIdentityService().createUserQuery().userId(patroller).singleResult();
      List<Map<String, Object>> sightings = new ArrayList<>();
      JsonNode earlier = JsonVariable.read(runtime.getVariable(repairId, REPEAT_SIGHTINGS), REPEAT_SIGHTINGS, "巡查再次发现");
      if (earlier != null) {
        earlier.forEach(sighting -> sightings.add(JsonVariable.MAPPER.convertValue(sighting, Map.class)));
      }
      Map<String, Object> sighting = new LinkedHashMap<>();
      sighting.put("sourceCase", kind.sourceName + " " + execution.getProcessBusinessKey());
      sighting.put("round", round.areaName() + " · " + round.roundName());
      sighting.put("item", item.name());
      sighting.put("note", row.note().trim());
      sighting.put("foundBy", user == null ? patroller : ApplicationReads.displayName(user));
      sighting.put("foundAt", time.minutes(ClockUtil.getCurrentTime()));
      sightings.add(sighting);
      runtime.setVariable(repairId, REPEAT_SIGHTINGS, JsonVariable.write(sightings));
      return null;
    });
  }

  /**
   * Runs the start as the patroller: as they are already when they completed the task themselves
   * (Tasklist, REST); when the application's own code completed it for the assignee, as that assignee.
   */
  private static ProcessInstance asPatroller(IdentityService identity, String patroller,
                                             java.util.function.Supplier<ProcessInstance> start) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null && patroller.equals(current.getUserId())) {
      return start.get();
    }
    List<String> groups = Context.getCommandContext().runWithoutAuthorization(() -> identity.createGroupQuery()
        .groupMember(patroller).list().stream().map(Group::getId).toList());
    identity.setAuthentication(patroller, groups);
    try {
      return start.get();
    } finally {
      if (current == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(current);
      }
    }
  }
}
