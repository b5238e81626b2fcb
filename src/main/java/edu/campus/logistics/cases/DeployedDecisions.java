package edu.campus.logistics.cases;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * A rule a process owner edits in Camunda Modeler, read from the decision table deployed together
 * with the running process (as {@code decisionRefBinding="deployment"} does for a business rule
 * task): a new model version brings its own rules, running cases keep theirs. Evaluated as the
 * engine, whoever completes the task; the evaluation is kept in the decision history.
 */
public final class DeployedDecisions {

  private DeployedDecisions() {
  }

  /** The decision {@code decisionKey} of the deployment of {@code processDefinitionId}, evaluated on {@code variables}. */
  public static DmnDecisionResult evaluate(ProcessEngineServices engine, String processDefinitionId, String decisionKey,
                                           Map<String, Object> variables) {
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      String deploymentId = engine.getRepositoryService().getProcessDefinition(processDefinitionId).getDeploymentId();
      DecisionDefinition decision = engine.getRepositoryService().createDecisionDefinitionQuery()
          .deploymentId(deploymentId).decisionDefinitionKey(decisionKey).singleResult();
      if (decision == null) {
        throw new ProcessEngineException("decision " + decisionKey + " is not deployed with process definition "
            + processDefinitionId + " (deploy its .dmn file with the .bpmn)");
      }
      return engine.getDecisionService().evaluateDecisionById(decision.getId()).variables(variables).evaluate();
    });
  }
}
