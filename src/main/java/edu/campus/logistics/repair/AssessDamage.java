package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.CompensationVariables.ASSESSED_AMOUNT;
import static edu.campus.logistics.repair.CompensationVariables.ASSESSMENT_BASES;
import static edu.campus.logistics.repair.CompensationVariables.ASSESSMENT_BASIS;
import static edu.campus.logistics.repair.CompensationVariables.ASSESSMENT_NOTE;
import static edu.campus.logistics.repair.CompensationVariables.RESPONSIBLE_PARTY;
import static edu.campus.logistics.repair.CompensationVariables.RESPONSIBLE_TYPE;
import static edu.campus.logistics.repair.CompensationVariables.RESPONSIBLE_TYPES;

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
    Inputs.oneOf(task, RESPONSIBLE_TYPE, "责任方类型", RESPONSIBLE_TYPES);
    Inputs.requiredText(task, RESPONSIBLE_PARTY, "责任人或班级", 100);
    Inputs.amount(task, ASSESSED_AMOUNT, "核定赔偿金额", BigDecimal.ZERO, MAX_AMOUNT, true);
    Inputs.oneOf(task, ASSESSMENT_BASIS, "核定依据", ASSESSMENT_BASES);
    Inputs.optionalText(task, ASSESSMENT_NOTE, "定责说明", 500);
  }
}
