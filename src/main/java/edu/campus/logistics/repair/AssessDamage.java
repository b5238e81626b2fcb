package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.CompensationVariables.ASSESSED_AMOUNT;

import edu.campus.logistics.cases.Values;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_AssessDamage (损坏定责与估价): who is responsible and how much, on what basis. */
@Component("assessDamage")
public class AssessDamage implements TaskListener {

  static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");

  @Override
  public void notify(DelegateTask task) {
    Values.money(task, ASSESSED_AMOUNT);
  }
}
