package edu.campus.logistics.requisition;

import edu.campus.logistics.ledger.StockReservations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * End of a requisition, however it ends (received, rejected, withdrawn, cancelled in Cockpit): what
 * it still holds reserved is released, so the units are available to others again.
 */
@Component("releaseRequisitionReservations")
public class ReleaseRequisitionReservations implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(ReleaseRequisitionReservations.class);

  private final StockReservations reservations;

  public ReleaseRequisitionReservations(StockReservations reservations) {
    this.reservations = reservations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    int released = reservations.release(execution.getProcessInstanceId());
    if (released > 0) {
      LOG.info("Requisition {} ended, {} reservations released", execution.getProcessBusinessKey(), released);
    }
  }
}
