package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.TECHNICIAN_OPTIONS;

import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.CampusGroup;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Create listener of Task_DispatchRepair (受理派工): the technicians the dispatcher may choose from, for the form. */
@Component("offerTechnicians")
public class OfferTechnicians implements TaskListener {

  private final People people;

  public OfferTechnicians(People people) {
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(TECHNICIAN_OPTIONS, JsonVariable.write(people.options(CampusGroup.TECHNICIANS.id())));
  }
}
