package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;
import static edu.campus.logistics.repair.RepairVariables.TECHNICIAN;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Who is accountable for a posting of a repair case: the technician, or the first responder for contractor work. */
@Component
public class CaseActor {

  public String technicianOrResponder(VariableScope scope) {
    Object technician = scope.getVariable(TECHNICIAN);
    return String.valueOf(technician != null ? technician : scope.getVariable(FIRST_RESPONDER));
  }
}
