package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.CONFIRM_STORAGE;
import static edu.campus.logistics.procurement.ProcurementActivities.INSPECT_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.READ_REJECTION;
import static edu.campus.logistics.procurement.ProcurementActivities.READ_STOCK_NOTICE;
import static edu.campus.logistics.procurement.ProcurementActivities.REVISE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementVariables.ACCEPTED_QUANTITIES;
import static edu.campus.logistics.procurement.ProcurementVariables.COMMENT;
import static edu.campus.logistics.procurement.ProcurementVariables.DECISION;
import static edu.campus.logistics.procurement.ProcurementVariables.DEPARTMENT;
import static edu.campus.logistics.procurement.ProcurementVariables.INSPECTION_NOTE;
import static edu.campus.logistics.procurement.ProcurementVariables.INSPECTION_RESULT;
import static edu.campus.logistics.procurement.ProcurementVariables.ITEMS;
import static edu.campus.logistics.procurement.ProcurementVariables.NEEDED_BY;
import static edu.campus.logistics.procurement.ProcurementVariables.ORDER_NO;
import static edu.campus.logistics.procurement.ProcurementVariables.PURCHASE_ITEMS;
import static edu.campus.logistics.procurement.ProcurementVariables.QUOTES;
import static edu.campus.logistics.procurement.ProcurementVariables.REASON;
import static edu.campus.logistics.procurement.ProcurementVariables.REQUESTER_ACTION;
import static edu.campus.logistics.procurement.ProcurementVariables.STORAGE_LOCATION;
import static edu.campus.logistics.procurement.ProcurementVariables.SUPPLIER;

import edu.campus.logistics.input.SubmittedVariables;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * First complete listener of every procurement user task: the completion may set the task's own
 * form fields and nothing else (not requesterId, buyerId, approvedAmount, quotesRequired, the
 * inspected quantities, ...), so the four-eyes guard and the listeners after it read what the
 * process recorded, not what the caller sent.
 */
@Component("procurementTaskFields")
public class TaskFieldsOnly implements TaskListener {

  private static final Map<String, Set<String>> FIELDS = Map.of(
      APPROVE_REQUEST, Set.of(DECISION, COMMENT),
      REVISE_REQUEST, Set.of(REQUESTER_ACTION, DEPARTMENT, REASON, NEEDED_BY, ITEMS),
      PURCHASE_GOODS, Set.of(SUPPLIER, ORDER_NO, PURCHASE_ITEMS, QUOTES),
      INSPECT_GOODS, Set.of(INSPECTION_RESULT, INSPECTION_NOTE, ACCEPTED_QUANTITIES),
      CONFIRM_STORAGE, Set.of(STORAGE_LOCATION),
      READ_REJECTION, Set.of(),
      READ_STOCK_NOTICE, Set.of());

  @Override
  public void notify(DelegateTask task) {
    SubmittedVariables.refuseChangesExcept(task, FIELDS.getOrDefault(task.getTaskDefinitionKey(), Set.of()));
  }
}
