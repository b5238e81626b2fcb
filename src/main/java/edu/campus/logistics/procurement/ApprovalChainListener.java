package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVAL_LEVELS;
import static edu.campus.logistics.procurement.ProcurementVariables.CATEGORY;
import static edu.campus.logistics.procurement.ProcurementVariables.TOTAL_AMOUNT;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.identity.CampusGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the DMN task that decides the approval chain: the levels the table returned must
 * be known groups, at least one, each once. An edited table that breaks this stops the step with a
 * message instead of skipping approval. ({@link StartApprovalRound} counts the round.)
 */
@Component("approvalChain")
public class ApprovalChainListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object levels = execution.getVariable(APPROVAL_LEVELS);
    List<String> checked = new ArrayList<>(new LinkedHashSet<>(levels instanceof Collection<?> list
        ? list.stream().map(String::valueOf).toList() : List.of()));
    if (checked.isEmpty()) {
      throw new ProcessEngineException("decision table procurement-approval gave no approval level for total "
          + execution.getVariable(TOTAL_AMOUNT) + " and category " + execution.getVariable(CATEGORY));
    }
    for (String level : checked) {
      if (CampusGroup.byId(level).isEmpty()) {
        throw new ProcessEngineException("decision table procurement-approval names an unknown group: " + level);
      }
    }
    Values.setIfChanged(execution, APPROVAL_LEVELS, checked);
  }
}
