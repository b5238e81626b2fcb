package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.CompensationVariables.ASSESSED_AMOUNT;
import static edu.campus.logistics.repair.CompensationVariables.PAID_AMOUNT;
import static edu.campus.logistics.repair.CompensationVariables.RECEIPT_NO;
import static edu.campus.logistics.repair.CompensationVariables.SETTLED_AT;
import static edu.campus.logistics.repair.CompensationVariables.SETTLED_BY;
import static edu.campus.logistics.repair.CompensationVariables.SETTLEMENT;
import static edu.campus.logistics.repair.CompensationVariables.WAIVER_REASON;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.FormContract;
import edu.campus.logistics.cases.Actor;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_SettleCompensation (财务登记): finance records the compensation as paid (amount and receipt
 * number) or waived — a waiver always needs a reason.
 */
@Component("settleCompensation")
public class SettleCompensation implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if ("paid".equals(task.getVariable(SETTLEMENT))) {
      BigDecimal paid = Values.money(task, PAID_AMOUNT);
      // cross-field: no more than was assessed
      if (task.getVariable(ASSESSED_AMOUNT) instanceof Number assessed
          && paid.compareTo(BigDecimal.valueOf(assessed.doubleValue())) > 0) {
        throw Refusal.aboveMax(FormContract.ofTask(task).label(PAID_AMOUNT) + "（核定赔偿金额）", PAID_AMOUNT,
            BigDecimal.valueOf(assessed.doubleValue()).stripTrailingZeros().toPlainString());
      }
      task.setVariable(WAIVER_REASON, null);
    } else {
      task.setVariable(PAID_AMOUNT, 0.0);
      task.setVariable(RECEIPT_NO, null);
    }
    task.setVariable(SETTLED_BY, Actor.of(task));
    task.setVariable(SETTLED_AT, ClockUtil.getCurrentTime());
  }
}
