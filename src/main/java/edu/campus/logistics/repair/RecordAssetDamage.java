package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.ASSET_TAG;
import static edu.campus.logistics.repair.RepairVariables.REOPEN_COUNT;
import static edu.campus.logistics.repair.RepairVariables.WORK_DONE;

import edu.campus.logistics.cases.LedgerVouchers;
import edu.campus.logistics.ledger.AssetEventType;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.Voucher;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordAssetDamage (登记公物损坏): the technician found human damage on a registered asset;
 * its card gets a DAMAGED event (one per repair round).
 */
@Component("recordAssetDamage")
public class RecordAssetDamage implements JavaDelegate {

  private final AssetRegister assets;
  private final CaseActor caseActor;

  public RecordAssetDamage(AssetRegister assets, CaseActor caseActor) {
    this.assets = assets;
    this.caseActor = caseActor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String tag = (String) execution.getVariable(ASSET_TAG);
    Voucher voucher = LedgerVouchers.forStep(execution, caseActor.technicianOrResponder(execution),
        "round-" + execution.getVariable(REOPEN_COUNT));
    assets.recordEvent(voucher, tag, AssetEventType.DAMAGED,
        "人为损坏 / human damage: " + execution.getVariable(WORK_DONE), null, null);
  }
}
