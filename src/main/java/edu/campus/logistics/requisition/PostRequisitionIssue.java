package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.ASSET_TAGS;
import static edu.campus.logistics.requisition.RequisitionVariables.DEPARTMENT;
import static edu.campus.logistics.requisition.RequisitionVariables.HANDED_OUT_ASSETS;
import static edu.campus.logistics.requisition.RequisitionVariables.ISSUED_TOTAL;
import static edu.campus.logistics.requisition.RequisitionVariables.OUTSTANDING;
import static edu.campus.logistics.requisition.RequisitionVariables.SHORTAGE_ACTION;
import static edu.campus.logistics.requisition.RequisitionVariables.STOREKEEPER_ID;
import static edu.campus.logistics.requisition.RequisitionVariables.USE_LOCATION;

import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.LedgerVouchers;
import edu.campus.logistics.ledger.AssetEventType;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.StockReservations;
import edu.campus.logistics.ledger.StockReservations.Reserved;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PostIssue} (登记领用出库): posts ISSUE entries for what this round reserved (one voucher
 * per round, so a retried job posts nothing twice), moves the asset cards handed out to the
 * requester as custodian and to the place of use (责任到人, a MOVED event each), and works out what
 * is still owed: a withdrawn shortage is owed no more. Runs after an async save point.
 */
@Component("postRequisitionIssue")
public class PostRequisitionIssue implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PostRequisitionIssue.class);

  private final StockReservations reservations;
  private final AssetRegister assets;

  public PostRequisitionIssue(StockReservations reservations, AssetRegister assets) {
    this.reservations = reservations;
    this.assets = assets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RequisitionCase requisition = RequisitionCase.of(execution);
    int round = requisition.issueRound();
    Voucher voucher = LedgerVouchers.forStep(execution, requisition.text(STOREKEEPER_ID), "round" + round);
    Map<String, BigDecimal> issued = reservations.issueReserved(voucher, RequisitionCase.reservationKey(execution, round))
        .stream().collect(Collectors.toMap(Reserved::itemCode, Reserved::quantity));
    boolean withdrawn = "withdraw".equals(requisition.text(SHORTAGE_ACTION));
    List<RequisitionLine> updated = new ArrayList<>();
    for (RequisitionLine line : requisition.lines()) {
      BigDecimal now = issued.getOrDefault(line.itemCode(), BigDecimal.ZERO);
      // stock taken meanwhile by a posting that does not reserve: the rest is owed again
      BigDecimal owed = withdrawn ? BigDecimal.ZERO : line.outstanding().add(line.reserved().subtract(now));
      updated.add(line.with(BigDecimal.ZERO, line.issued().add(now), owed));
    }
    requisition.setLines(updated);
    handOutAssets(execution, requisition, voucher);
    execution.setVariable(ISSUED_TOTAL, RequisitionCase.sum(updated, RequisitionLine::issued).doubleValue());
    execution.setVariable(OUTSTANDING, RequisitionCase.sum(updated, RequisitionLine::outstanding).signum() > 0);
    LOG.info("Requisition {} round {} issued with voucher {}: {}", execution.getProcessBusinessKey(), round,
        voucher.key(), issued);
  }

  private void handOutAssets(DelegateExecution execution, RequisitionCase requisition, Voucher voucher) {
    List<String> tags = IssueGoodsListener.tags(requisition.text(ASSET_TAGS));
    if (tags.isEmpty()) {
      return;
    }
    String custodian = requisition.requesterId();
    String location = requisition.text(USE_LOCATION) != null ? requisition.text(USE_LOCATION) : requisition.text(DEPARTMENT);
    for (String tag : tags) {
      assets.recordEvent(voucher, tag, AssetEventType.MOVED,
          "领用发放 %s / issued by requisition to %s".formatted(execution.getProcessBusinessKey(), custodian),
          location, custodian);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("tag", tag);
      entry.put("custodian", custodian);
      entry.put("location", location);
      requisition.append(HANDED_OUT_ASSETS, entry);
    }
    execution.setVariable(ASSET_TAGS, null);
    if (execution.getVariable(HANDED_OUT_ASSETS) == null) {
      execution.setVariable(HANDED_OUT_ASSETS, JsonVariable.write(List.of()));
    }
  }
}
