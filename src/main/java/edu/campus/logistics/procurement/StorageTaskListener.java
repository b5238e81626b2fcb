package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.NEW_ITEM_MAPPINGS;
import static edu.campus.logistics.procurement.ProcurementVariables.STOREKEEPER_ID;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Values;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Stocking 入库 (complete): the storekeeper confirms where the goods go (the form's contract checks
 * it) and, for each new-item line, confirms it as a new catalogue item or maps it to an existing one
 * ({@link NewItemMappings#check}); they sign the receipt voucher. {@link PrepareStorage} opened the task.
 */
@Component("storageTaskListener")
public class StorageTaskListener implements TaskListener {

  private final ItemCatalogue catalogue;

  public StorageTaskListener(ItemCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateTask task) {
    ProcurementCase procurement = ProcurementCase.of(task);
    Values.setIfChanged(task, NEW_ITEM_MAPPINGS, JsonVariable.write(NewItemMappings.check(task, procurement, catalogue)));
    task.setVariable(STOREKEEPER_ID, Actor.of(task));
  }
}
