package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_ROUND;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start listener of Task_DetermineApprovalLevels: a new approval round begins (first request, resubmission, over budget). */
@Component("startApprovalRound")
public class StartApprovalRound implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    ProcurementCase.of(execution).increment(APPROVAL_ROUND);
  }
}
