package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.PARTS_COST;
import static edu.campus.logistics.repair.RepairVariables.PARTS_USED;
import static edu.campus.logistics.repair.RepairVariables.REOPEN_COUNT;
import static edu.campus.logistics.repair.RepairVariables.SHORTAGE_MESSAGE;

import edu.campus.logistics.cases.JsonVariable;
import com.fasterxml.jackson.core.JsonProcessingException;
import edu.campus.logistics.cases.LedgerVouchers;
import edu.campus.logistics.ledger.InsufficientStockException;
import edu.campus.logistics.ledger.LedgerEntry;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.Posting;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PostPartsUsed (配件出库): posts the parts of the repair round as REPAIR_USE entries, one
 * voucher per round ({@code round-<reopenCount>}), so a retried job never posts twice and a reopened
 * repair posts its own parts. A shortage posts nothing and raises BPMN error {@code STOCK_SHORTAGE}:
 * the model waits for parts instead of failing.
 */
@Component("postRepairParts")
public class PostRepairParts implements JavaDelegate {

  public static final String STOCK_SHORTAGE = InsufficientStockException.CODE;

  private final LedgerService ledger;
  private final CaseActor caseActor;

  public PostRepairParts(LedgerService ledger, CaseActor caseActor) {
    this.ledger = ledger;
    this.caseActor = caseActor;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    List<PartUsed> parts = JsonVariable.readList(execution.getVariable(PARTS_USED), PartUsed.class, PARTS_USED, "所用配件");
    if (parts.isEmpty()) {
      execution.setVariable(PARTS_COST, 0.0);
      return;
    }
    Voucher voucher = LedgerVouchers.forStep(execution, caseActor.technicianOrResponder(execution),
        "round-" + execution.getVariable(REOPEN_COUNT));
    Posting posting;
    try {
      posting = ledger.useForRepair(voucher, parts.stream().map(PartUsed::toStockLine).toList());
    } catch (InsufficientStockException shortage) {
      execution.setVariable(SHORTAGE_MESSAGE, shortage.getMessage());
      throw new BpmnError(STOCK_SHORTAGE, shortage.getMessage());
    }
    BigDecimal value = posting.entries().stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add).negate();
    execution.setVariable(PARTS_COST, value.doubleValue());
    execution.setVariable(SHORTAGE_MESSAGE, null);
  }
}
