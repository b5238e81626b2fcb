package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.ASSET_TAG;
import static edu.campus.logistics.repair.RepairVariables.WORK_DONE;

import edu.campus.logistics.cases.LedgerVouchers;
import edu.campus.logistics.ledger.AssetEventType;
import edu.campus.logistics.ledger.AssetRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordAssetRepaired (登记资产修复): the reporter confirmed the fix; the asset's card gets a
 * REPAIRED event and is back in use.
 */
@Component("recordAssetRepaired")
public class RecordAssetRepaired implements JavaDelegate {

  private final AssetRegister assets;
  private final CaseActor caseActor;

  public RecordAssetRepaired(AssetRegister assets, CaseActor caseActor) {
    this.assets = assets;
    this.caseActor = caseActor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String tag = (String) execution.getVariable(ASSET_TAG);
    assets.recordEvent(LedgerVouchers.forStep(execution, caseActor.technicianOrResponder(execution)), tag,
        AssetEventType.REPAIRED, "维修完成并经报修人确认 / repaired and confirmed: " + execution.getVariable(WORK_DONE), null, null);
  }
}
