package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeVariables.APPROVER_ID;
import static edu.campus.logistics.stocktake.StocktakeVariables.ASSET_RESULTS;
import static edu.campus.logistics.stocktake.StocktakeVariables.DIFFERENCES;

import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.LedgerVouchers;
import edu.campus.logistics.ledger.AssetEventType;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.AssetStatus;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_PostAdjustments (调整台账与资产卡片), after approval, behind an asynchronous save point: the approved
 * differences as ADJUSTMENT vouchers of at most {@link LedgerService#MAX_LINES} lines each (盘盈 in at the
 * moving-average cost, 盘亏 out), each asset's finding as an event of its card (missing, damaged, moved to
 * where it was found; a card recorded missing before and seen now is found again, 找回), an audit on every
 * card counted, and the report kept. Vouchers are per step, so a retried job posts nothing twice.
 */
@Component("postStocktake")
public class PostStocktake implements JavaDelegate {

  private final LedgerService ledger;
  private final AssetRegister assets;
  private final AssetAudits audits;
  private final StocktakeStore store;

  public PostStocktake(LedgerService ledger, AssetRegister assets, AssetAudits audits, StocktakeStore store) {
    this.ledger = ledger;
    this.assets = assets;
    this.audits = audits;
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<DifferenceLine> items = JsonVariable.readList(execution.getVariable(DIFFERENCES), DifferenceLine.class,
        DIFFERENCES, "盘点差异");
    List<AssetResult> found = JsonVariable.readList(execution.getVariable(ASSET_RESULTS), AssetResult.class,
        ASSET_RESULTS, "资产盘点结果");
    String approver = (String) execution.getVariable(APPROVER_ID);
    String businessKey = execution.getProcessBusinessKey();
    Voucher voucher = LedgerVouchers.forStep(execution, approver);
    List<StockLine> adjustments = items.stream().filter(line -> line.difference().signum() != 0)
        .map(line -> StockLine.of(line.itemCode(), line.difference())).toList();
    // a school-wide count can differ on more items than one voucher holds: several vouchers, one transaction
    for (int from = 0; from < adjustments.size(); from += LedgerService.MAX_LINES) {
      int part = from / LedgerService.MAX_LINES + 1;
      ledger.adjust(part == 1 ? voucher : LedgerVouchers.forStep(execution, approver, "part" + part),
          adjustments.subList(from, Math.min(adjustments.size(), from + LedgerService.MAX_LINES)));
    }
    Voucher audit = LedgerVouchers.forStep(execution, approver, "audit");
    Voucher foundAgain = LedgerVouchers.forStep(execution, approver, "found");
    for (AssetResult asset : found) {
      // a card an earlier stocktake recorded missing, seen now (here, elsewhere or damaged): in use again first
      if (!AssetFinding.MISSING.equals(asset.finding()) && assets.find(asset.assetTag())
          .map(card -> card.status() == AssetStatus.MISSING).orElse(false)) {
        assets.recordEvent(foundAgain, asset.assetTag(), AssetEventType.FOUND,
            "清查找回 " + businessKey + " / found again in stocktake", null, null);
      }
      switch (asset.finding()) {
        case AssetFinding.MISSING -> assets.recordEvent(voucher, asset.assetTag(), AssetEventType.MISSING,
            "清查盘亏 " + businessKey + " / not found in stocktake", null, null);
        case AssetFinding.DAMAGED -> assets.recordEvent(voucher, asset.assetTag(), AssetEventType.DAMAGED,
            "清查发现损坏 " + businessKey + " / found damaged in stocktake", null, null);
        case AssetFinding.ELSEWHERE -> assets.recordEvent(voucher, asset.assetTag(), AssetEventType.MOVED,
            "清查发现在 " + asset.foundLocation() + " " + businessKey + " / found elsewhere in stocktake",
            asset.foundLocation(), null);
        default -> {
        }
      }
      assets.recordAudit(audit, asset.assetTag(), audits.today(), "清查 " + businessKey + "：" + asset.findingLabel());
    }
    store.writeReport(businessKey, items, found);
    store.closed(execution.getProcessInstanceId(), StocktakeStore.POSTED, ClockUtil.getCurrentTime().toInstant());
  }
}
