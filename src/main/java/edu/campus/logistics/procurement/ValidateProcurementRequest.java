package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVALS;
import static edu.campus.logistics.procurement.ProcurementVariables.ESCALATIONS;
import static edu.campus.logistics.procurement.ProcurementVariables.REMINDERS;
import static edu.campus.logistics.procurement.ProcurementVariables.REQUESTER_ID;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.Values;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of a purchase request: fixes who the requester is, checks what they typed and computes the
 * total. A bad request is refused with a 400 before any instance exists.
 */
@Component("validateProcurementRequest")
public class ValidateProcurementRequest implements ExecutionListener {

  private final IdentityService identityService;
  private final ItemCatalogue catalogue;

  public ValidateProcurementRequest(IdentityService identityService, ItemCatalogue catalogue) {
    this.identityService = identityService;
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // the model's initiator variable holds the starter already: written only when it does not
    Values.setIfChanged(execution, REQUESTER_ID, Actor.starter(execution, identityService, REQUESTER_ID));
    RequestChecks.checkAndStore(execution, catalogue);
    ProcurementCase procurement = ProcurementCase.of(execution);
    procurement.startList(APPROVALS);
    procurement.startList(ESCALATIONS);
    procurement.startList(REMINDERS);
  }
}
