package edu.campus.logistics.cases;

import edu.campus.logistics.ledger.Voucher;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The ledger's voucher for the step a delegate runs in; the ledger itself knows no engine type. */
public final class LedgerVouchers {

  private LedgerVouchers() {
  }

  /** Voucher of the execution's current activity, see {@link Voucher#forStep}. */
  public static Voucher forStep(DelegateExecution execution, String actor, Object... discriminators) {
    return Voucher.forStep(execution.getProcessDefinitionId().split(":")[0], execution.getProcessInstanceId(),
        execution.getProcessBusinessKey(), execution.getCurrentActivityId(), actor, discriminators);
  }
}
