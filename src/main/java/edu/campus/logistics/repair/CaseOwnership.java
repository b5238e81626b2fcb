package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of every task of a repair case (and of its damage compensation): the first
 * responder is the task's owner, so "我首问的报修" in Tasklist lists all open work of the cases they
 * are accountable for, whoever the assignee is.
 */
@Component("caseOwnership")
public class CaseOwnership implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(FIRST_RESPONDER) instanceof String firstResponder) {
      task.setOwner(firstResponder);
    }
  }
}
