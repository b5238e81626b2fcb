package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.ISSUE_ROUND;
import static edu.campus.logistics.requisition.RequisitionVariables.SHORTAGE;
import static edu.campus.logistics.requisition.RequisitionVariables.SHORTAGE_ACTION;
import static edu.campus.logistics.requisition.RequisitionVariables.SHORTAGE_TEXT;
import static edu.campus.logistics.requisition.RequisitionVariables.STOCK_ARRIVED;

import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.StockReservations;
import edu.campus.logistics.ledger.StockReservations.Reserved;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reserves what is still owed (预留库存): {@code Task_ReserveStock} right after the approval, in the
 * approver's transaction, and {@code Task_ReserveBackorder} each time a backorder looks for stock.
 * Each line gets as much as is available (on hand − reserved by others), under the ledger's row
 * locks; what is left is a shortage the storekeeper decides on. Starts a new issue round.
 */
@Component("reserveRequisitionStock")
public class ReserveRequisitionStock implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ReserveRequisitionStock.class);

  private final StockReservations reservations;

  public ReserveRequisitionStock(StockReservations reservations) {
    this.reservations = reservations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RequisitionCase requisition = RequisitionCase.of(execution);
    List<RequisitionLine> lines = requisition.lines();
    int round = requisition.issueRound() + 1;
    List<StockLine> wanted = lines.stream().filter(line -> line.outstanding().signum() > 0)
        .map(line -> StockLine.of(line.itemCode(), line.outstanding())).toList();
    Map<String, BigDecimal> got = wanted.isEmpty() ? Map.of()
        : reservations.reserve(RequisitionCase.reservationKey(execution, round), execution.getProcessInstanceId(),
            execution.getProcessBusinessKey(), wanted).stream()
            .collect(Collectors.toMap(Reserved::itemCode, Reserved::quantity));
    List<RequisitionLine> updated = new ArrayList<>();
    List<String> shortages = new ArrayList<>();
    for (RequisitionLine line : lines) {
      BigDecimal reserved = got.getOrDefault(line.itemCode(), BigDecimal.ZERO);
      RequisitionLine now = line.with(reserved, line.issued(), line.outstanding().subtract(reserved));
      if (now.outstanding().signum() > 0) {
        shortages.add("%s 缺%s%s".formatted(now.name(), RequisitionCase.plain(now.outstanding()), now.unit()));
      }
      updated.add(now);
    }
    requisition.setLines(updated);
    BigDecimal reservedNow = RequisitionCase.sum(updated, RequisitionLine::reserved);
    if (reservedNow.signum() > 0) {
      // a round nothing was reserved in is no round: the next look for stock uses the same key
      execution.setVariable(ISSUE_ROUND, round);
    }
    execution.setVariable(SHORTAGE, !shortages.isEmpty());
    execution.setVariable(SHORTAGE_TEXT, shortages.isEmpty() ? null : String.join("；", shortages));
    execution.setVariable(STOCK_ARRIVED, reservedNow.signum() > 0);
    execution.removeVariable(SHORTAGE_ACTION);
    LOG.debug("Requisition {} round {}: reserved {}, short {}", execution.getProcessBusinessKey(), round,
        reservedNow.toPlainString(), shortages);
  }
}
