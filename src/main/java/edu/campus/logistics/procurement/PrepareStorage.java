package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.NEW_ITEM_MAPPINGS;

import edu.campus.logistics.cases.JsonVariable;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Stocking 入库 opened (create): offers the storekeeper one row per new-item line with accepted
 * goods ({@link NewItemMappings#offer}), mapped to the catalogue item of the same name and spec when
 * there is one, else to be confirmed as a new item. {@link StorageTaskListener} records the answer.
 */
@Component("prepareStorage")
public class PrepareStorage implements TaskListener {

  private final ItemCatalogue catalogue;

  public PrepareStorage(ItemCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(NEW_ITEM_MAPPINGS, JsonVariable.write(NewItemMappings.offer(ProcurementCase.of(task), catalogue)));
  }
}
