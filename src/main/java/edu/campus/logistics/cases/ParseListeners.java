package edu.campus.logistics.cases;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * How the application's engine plugins hook into every deployed model: a BPMN parse listener added
 * to the engine's configuration before it starts, ahead of the engine's own parsing ({@link #before})
 * or after it ({@link #after}), whatever the model declares.
 */
public final class ParseListeners {

  private ParseListeners() {
  }

  /** Runs before the engine's own parse handlers: what it sets up, the model's own elements then see. */
  public static void before(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(listener);
  }

  /** Runs after the engine's own parse handlers: listeners added here come after the model's own. */
  public static void after(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(listener);
  }
}
