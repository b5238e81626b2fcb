package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.CompensationVariables.ASSESSED_AMOUNT;
import static edu.campus.logistics.repair.CompensationVariables.PAID;
import static edu.campus.logistics.repair.CompensationVariables.PAID_AMOUNT;
import static edu.campus.logistics.repair.CompensationVariables.RECEIPT_NO;
import static edu.campus.logistics.repair.CompensationVariables.SETTLED_AT;
import static edu.campus.logistics.repair.CompensationVariables.SETTLED_BY;
import static edu.campus.logistics.repair.CompensationVariables.SETTLEMENT;
import static edu.campus.logistics.repair.CompensationVariables.SETTLEMENTS;
import static edu.campus.logistics.repair.CompensationVariables.WAIVER_REASON;

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

  private final People people;

  public SettleCompensation(People people) {
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    String settlement = Inputs.oneOf(task, SETTLEMENT, "处理结果", SETTLEMENTS);
    if (PAID.equals(settlement)) {
      Object assessed = task.getVariable(ASSESSED_AMOUNT);
      BigDecimal max = assessed instanceof Number number ? BigDecimal.valueOf(number.doubleValue()) : AssessDamage.MAX_AMOUNT;
      Inputs.amount(task, PAID_AMOUNT, "实收金额", new BigDecimal("0.01"), max, true);
      Inputs.requiredText(task, RECEIPT_NO, "收据号", 50);
      task.setVariable(WAIVER_REASON, null);
    } else {
      Inputs.requiredText(task, WAIVER_REASON, "减免理由", 500);
      task.setVariable(PAID_AMOUNT, 0.0);
      task.setVariable(RECEIPT_NO, null);
    }
    task.setVariable(SETTLED_BY, people.actor(task));
    task.setVariable(SETTLED_AT, ClockUtil.getCurrentTime());
  }
}
