package edu.campus.logistics.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code campus.node-name} ({@code CAMPUS_NODE_NAME}): the name a cluster node goes by in the shared
 * database, as the owner of the jobs it has locked ({@code ACT_RU_JOB.LOCK_OWNER_}) and as the host
 * of the jobs it ran ({@code ACT_HI_JOB_LOG.HOSTNAME_}), so that operators can tell which node did
 * what and whose locks a dead node left behind. Unset, the engine's defaults stay (a random lock
 * owner, the machine's host name).
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

  private final String name;

  NodeName(@Value("${campus.node-name:}") String name) {
    this.name = name == null ? "" : name.trim();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!name.isEmpty()) {
      configuration.setHostname(name);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!name.isEmpty() && configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
    }
  }
}
