package edu.campus.logistics.procurement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Inspection 验收 opened (on create): the inspector sees one line per purchased line, each
 * accepting what was ordered to start with. {@link RecordInspection} records the result.
 */
@Component("prepareInspection")
public class PrepareInspection implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ProcurementCase procurement = ProcurementCase.of(task);
    procurement.setAcceptedQuantities(RecordInspection.accepting(procurement.purchaseItems(), null));
  }
}
