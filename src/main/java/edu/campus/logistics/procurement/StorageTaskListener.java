package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.STORAGE_LOCATION;
import static edu.campus.logistics.procurement.ProcurementVariables.STOREKEEPER_ID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Stocking 入库: the storekeeper confirms where the goods go; they sign the receipt voucher. */
@Component("storageTaskListener")
public class StorageTaskListener implements TaskListener {

  static final int MAX_LOCATION = 100;

  private final IdentityService identityService;

  public StorageTaskListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(STORAGE_LOCATION, RequestChecks.optionalText(task, STORAGE_LOCATION, "存放地点", MAX_LOCATION));
    task.setVariable(STOREKEEPER_ID, Actors.completing(task, identityService));
  }
}
