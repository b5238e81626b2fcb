package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.CLOSED_AT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Task_CloseCase (结案): the first responder closes the case with an optional note; stamps {@code closedAt}. */
@Component("closeRepair")
public class CloseRepair implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(CLOSED_AT, ClockUtil.getCurrentTime());
  }
}
