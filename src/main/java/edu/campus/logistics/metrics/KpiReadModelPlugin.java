package edu.campus.logistics.metrics;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Adds {@link KpiHistoryEventHandler} to the engine's composite history event handler (after the engine's
 * own database handler, which stays on) and its command-scoped session to the engine's sessions.
 */
@Component
class KpiReadModelPlugin extends AbstractProcessEnginePlugin {

  private final KpiHistoryEventHandler handler;

  KpiReadModelPlugin(KpiCaseStore store, HistoryCases history) {
    this.handler = new KpiHistoryEventHandler(store, history);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(handler);
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(handler.sessionFactory());
  }
}
