package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVALS;
import static edu.campus.logistics.procurement.ProcurementVariables.ESCALATIONS;
import static edu.campus.logistics.procurement.ProcurementVariables.REMINDERS;
import static edu.campus.logistics.procurement.ProcurementVariables.REQUESTER_ID;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.Refusal;
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

  public ValidateProcurementRequest(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(REQUESTER_ID, requester(execution));
    RequestChecks.checkAndStore(execution);
    ProcurementCase procurement = ProcurementCase.of(execution);
    procurement.startList(APPROVALS);
    procurement.startList(ESCALATIONS);
    procurement.startList(REMINDERS);
  }

  /**
   * The logged-in user who starts the request (whatever a client sent as requesterId); a start
   * without a logged-in user (another process, a system job) must name an existing user.
   */
  private String requester(DelegateExecution execution) {
    String current = Actor.current();
    if (current != null) {
      return current;
    }
    Object named = execution.getVariable(REQUESTER_ID);
    if (!(named instanceof String userId) || userId.isBlank()) {
      throw Refusal.of("无法确定申请人，请登录后提交", "no requester: start the request as a logged-in user");
    }
    if (identityService.createUserQuery().userId(userId).count() != 1) {
      throw Refusal.of("申请人不存在：" + userId, "unknown requester " + userId);
    }
    return userId;
  }
}
