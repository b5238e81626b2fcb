package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVALS;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVALS_SHOWN;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_LEVEL;
import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_LEVEL_NAME;
import static edu.campus.logistics.procurement.ProcurementVariables.DECISION;
import static edu.campus.logistics.procurement.ProcurementVariables.ITEMS_SHOWN;
import static edu.campus.logistics.procurement.ProcurementVariables.REQUESTER_NAME;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.cases.FormContract;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.ApplicationReads;
import edu.campus.logistics.cases.SchoolTime;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.ledger.ItemCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * What the approval form shows in words instead of codes (issue 11), set on the approval task as
 * task-local variables when it is created: the level's name (总务主任, not {@code general-affairs}),
 * who asked ({@code requesterName}), the item lines with the category's name, and the earlier
 * decisions with the decision's label (同意/驳回/退回修改), the approver's name and the time in the
 * school's time zone ({@code yyyy-MM-dd HH:mm}); the rejection and the return for revision show
 * the requester the same lines and decisions ({@link ShowRequestInWords}). Display only: nothing
 * reads them back, a submission may not set them (they are no fields of the form).
 */
@Component
public class ApprovalView {

  /** What the item code column shows for a new item (not yet in the catalogue). */
  static final String NEW_ITEM_SHOWN = "新物品";

  private final IdentityService identityService;
  private final SchoolTime time;

  public ApprovalView(IdentityService identityService, SchoolTime time) {
    this.identityService = identityService;
    this.time = time;
  }

  /** Sets the words on the new approval task: its level's name and the request. */
  public void show(DelegateTask task) {
    String level = (String) task.getVariable(APPROVAL_LEVEL);
    task.setVariableLocal(APPROVAL_LEVEL_NAME, levelName(level));
    showRequest(task);
  }

  /**
   * Sets the request in words on a new task of the case: who asked, the lines, the decisions so
   * far (the rejection and the return for revision show them to the requester, too).
   */
  public void showRequest(DelegateTask task) {
    task.setVariableLocal(REQUESTER_NAME, name(ProcurementCase.of(task).requesterId()));
    task.setVariableLocal(ITEMS_SHOWN, JsonVariable.write(items(task)));
    task.setVariableLocal(APPROVALS_SHOWN, JsonVariable.write(approvals(task)));
  }

  private static List<Map<String, Object>> items(DelegateTask task) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (RequestLine line : ProcurementCase.of(task).items()) {
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("itemCode", line.itemCode() == null ? NEW_ITEM_SHOWN : line.itemCode());
      shown.put("name", line.name());
      shown.put("spec", line.spec());
      shown.put("category", categoryName(line.category()));
      shown.put("unit", line.unit());
      shown.put("quantity", line.quantity().stripTrailingZeros().toPlainString());
      shown.put("unitPrice", line.unitPrice().stripTrailingZeros().toPlainString());
      lines.add(shown);
    }
    return lines;
  }

  private List<Map<String, Object>> approvals(DelegateTask task) {
    JsonNode earlier = JsonVariable.read(task.getVariable(APPROVALS), APPROVALS, "已有审批意见");
    List<Map<String, Object>> rows = new ArrayList<>();
    if (earlier == null) {
      return rows;
    }
    // the decisions in the words of the approval form, whichever task shows them
    FormContract form = FormContract.ofTaskDefinition(task.getProcessDefinitionId(), APPROVE_REQUEST);
    for (JsonNode entry : earlier) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("round", entry.path("round").asText());
      row.put("level", levelName(entry.path("level").asText()));
      row.put("decision", form.optionLabel(DECISION, entry.path("decision").asText()));
      row.put("comment", entry.path("comment").isTextual() ? entry.path("comment").asText() : "");
      row.put("approver", name(entry.path("userId").asText(null)));
      row.put("decidedAt", time.minutes(entry.path("decidedAt").asText(null)));
      rows.add(row);
    }
    return rows;
  }

  static String levelName(String level) {
    return level == null ? "" : CampusGroup.byId(level).map(CampusGroup::displayName).orElse(level);
  }

  static String categoryName(String category) {
    return Arrays.stream(ItemCategory.values()).filter(known -> known.id().equals(category)).findFirst()
        .map(ItemCategory::label).orElse(category);
  }

  /** The person's name ("张伟"), read as the process (the approver may not read users); the id when unknown. */
  private String name(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    User user = Context.getCommandContext().runWithoutAuthorization(
        () -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : ApplicationReads.displayName(user);
  }
}
